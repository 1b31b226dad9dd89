package io.digitaltowns.stack;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Everything every service in this JVM logs, from the moment it is attached, as the lines an
 * operator would read.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger root;

  private LogCapture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    setContext(context);
    setName("test-log-capture");
  }

  static LogCapture attach() {
    LogCapture capture = new LogCapture();
    capture.start();
    capture.root.addAppender(capture);
    return capture;
  }

  @Override
  protected void append(ILoggingEvent event) {
    StringBuilder line =
        new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
    if (event.getThrowableProxy() != null) {
      line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }
    event
        .getMDCPropertyMap()
        .forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
    lines.add(line.toString());
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
