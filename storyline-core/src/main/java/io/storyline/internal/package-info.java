/**
 * Shared helpers of the Storyline stages. <strong>Not API</strong>: anything here may change without notice.
 */
package io.storyline.internal;
