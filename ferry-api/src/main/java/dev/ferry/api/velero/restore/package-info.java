/** Velero's Restore and the types only it uses. */
package dev.ferry.api.velero.restore;
