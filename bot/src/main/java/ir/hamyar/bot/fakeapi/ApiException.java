package ir.hamyar.bot.fakeapi;

/** A Bot API error answer: {@code {"ok":false,"error_code":…,"description":…}}. */
final class ApiException extends RuntimeException {

    private final int code;
    private final Integer retryAfter;

    ApiException(int code, String description, Integer retryAfter) {
        super(description, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    ApiException(int code, String description) {
        this(code, description, null);
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad Request: " + detail);
    }

    static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden: " + detail);
    }

    static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict: " + detail);
    }

    int code() {
        return code;
    }

    Integer retryAfter() {
        return retryAfter;
    }

    String description() {
        return getMessage();
    }

    static String describe(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 502 -> "Bad Gateway";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
