/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

/** The poller's credential secret does not hold a usable Google credential; the message never quotes a value. */
final class CredentialsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CredentialsException(String message) {
        super(message);
    }
}
