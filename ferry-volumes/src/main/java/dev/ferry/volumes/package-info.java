/** Ferry's volumes module. */
package dev.ferry.volumes;
