/** The migration.openshift.io/v1alpha1 and velero.io/v1 custom resources Ferry serves. */
package dev.ferry.api;
