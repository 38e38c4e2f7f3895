/** Types shared by the Ferry kinds: conditions and their helper, inlined references, time formatting. */
package dev.ferry.api.common;
