package io.digitaltowns.consumers.email;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Every line logged in this JVM while open, with level, logger, message and stack trace. */
final class LogLines implements AutoCloseable {

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final AppenderBase<ILoggingEvent> capture =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          lines.add(
              event.getLevel()
                  + " "
                  + event.getLoggerName()
                  + " "
                  + event.getFormattedMessage()
                  + (event.getThrowableProxy() == null
                      ? ""
                      : " " + ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
      };

  LogLines() {
    capture.setContext(root.getLoggerContext());
    capture.start();
    root.addAppender(capture);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  List<String> linesAt(Level level, Class<?> logger) {
    return linesAt(level, logger.getName());
  }

  List<String> linesAt(Level level, String logger) {
    String prefix = level + " " + logger + " ";
    return lines.stream().filter(line -> line.startsWith(prefix)).toList();
  }

  @Override
  public void close() {
    root.detachAppender(capture);
    capture.stop();
  }
}
