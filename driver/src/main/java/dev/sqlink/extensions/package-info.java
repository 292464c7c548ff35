/**
 * Ready-made extensions shipped with the driver, written against the public
 * {@code dev.sqlink.spi} API exactly as a third party would: regexp, uuid, crypto, csv and
 * fileio. Enable them by name ({@code extensions=regexp,uuid}); those that touch files or
 * draw random numbers need grants (docs/extensions.md).
 */
package dev.sqlink.extensions;
