package dev.ferry.controller.images;

import dev.ferry.images.CopyResult;
import dev.ferry.images.ImageRef;

/** Moves one image from the source registry to the destination: directly, or through the repository. */
@FunctionalInterface
public interface ImageMover {
  CopyResult move(ImageRef source, ImageRef destination);
}
