/**
 * The web portal: the single-page application built from {@code src/main/portal} into the
 * application's static resources and served at {@code /}, with every client route
 * answered by its shell.
 */
package org.antifraud.portal;
