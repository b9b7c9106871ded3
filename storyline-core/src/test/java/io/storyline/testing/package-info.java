/** Test support shared by the modules' tests. Not API. */
package io.storyline.testing;
