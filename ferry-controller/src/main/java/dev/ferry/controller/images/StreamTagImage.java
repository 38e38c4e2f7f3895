package dev.ferry.controller.images;

/**
 * One image in an image stream's tag history ({@code status.tags[].items[]}).
 *
 * @param tag the tag name
 * @param latest whether it is the tag's current image (the first item)
 * @param digest the image's manifest digest ({@code image})
 * @param dockerImageReference where the cluster pulls it from
 * @param internal whether it lives in the cluster's own registry (and so must be copied)
 */
public record StreamTagImage(String tag, boolean latest, String digest, String dockerImageReference,
    boolean internal) {
}
