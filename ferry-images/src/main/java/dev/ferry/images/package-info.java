/** Ferry's images module. */
package dev.ferry.images;
