/**
 * Shared kernel: the error model (RFC 9457 problems with field errors and Chinese
 * messages), the clock shared with the process engine, and small value helpers every
 * module uses.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.antifraud.common;
