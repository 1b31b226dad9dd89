package io.digitaltowns.consumers.photocleanup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PhotoCleanupConfiguration {

  @Bean(destroyMethod = "close")
  PhotoBucket photoBucket(PhotoStoreProperties properties) {
    return new PhotoBucket(properties);
  }
}
