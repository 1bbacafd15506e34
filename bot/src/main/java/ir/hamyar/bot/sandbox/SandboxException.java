package ir.hamyar.bot.sandbox;

import org.springframework.http.HttpStatus;

/** A request the sandbox refuses: answered as {@code {"error": code, "message": ...}} with {@code status}. */
final class SandboxException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    private SandboxException(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static SandboxException badRequest(String message) {
        return new SandboxException(HttpStatus.BAD_REQUEST, "bad_request", message);
    }

    static SandboxException notFound(String message) {
        return new SandboxException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    static SandboxException conflict(String message) {
        return new SandboxException(HttpStatus.CONFLICT, "conflict", message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
