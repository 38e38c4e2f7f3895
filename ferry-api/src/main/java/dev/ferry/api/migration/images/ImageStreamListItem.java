package dev.ferry.api.migration.images;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.InlineObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** An image stream handled by a DirectImageMigration (its reference is inlined). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
public class ImageStreamListItem extends InlineObjectReference {

  @JsonPropertyDescription("Namespace of the image stream on the destination cluster.")
  private String destNamespace;

  @JsonPropertyDescription("True if the image stream was not found on the source cluster.")
  private Boolean notFound;

  @JsonPropertyDescription("Reference to the DirectImageStreamMigration copying this image stream.")
  private ObjectReference directMigration;

  @JsonPropertyDescription("Errors of this image stream's migration.")
  private List<String> errors;
}
