package dev.ferry.images;

/** An image could not be read, copied or stored; the message names the image and says what to do. */
public class ImageException extends RuntimeException {
  public ImageException(String message) {
    super(message);
  }

  public ImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
