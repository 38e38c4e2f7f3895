/** DirectImageMigration and DirectImageStreamMigration: images copied registry to registry. */
package dev.ferry.api.migration.images;
