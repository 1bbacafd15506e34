package ir.hamyar.bot.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Every failure of the sandbox API becomes a small JSON error; never a stack trace. */
@RestControllerAdvice(assignableTypes = SandboxController.class)
class SandboxErrors {

    private static final Logger log = LoggerFactory.getLogger(SandboxErrors.class);

    @ExceptionHandler(SandboxException.class)
    ResponseEntity<SandboxJson.Error> refused(SandboxException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            MultipartException.class})
    ResponseEntity<SandboxJson.Error> unreadable(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", "the request could not be read: "
                + e.getClass().getSimpleName().replace("Exception", ""));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<SandboxJson.Error> tooLarge(MaxUploadSizeExceededException e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "the upload is too large");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<SandboxJson.Error> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "send JSON (or multipart for photos)");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<SandboxJson.Error> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "method not allowed here");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<SandboxJson.Error> unexpected(Exception e) {
        log.warn("sandbox request failed: {}", e.getClass().getName());
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "the sandbox could not do that");
    }

    private static ResponseEntity<SandboxJson.Error> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new SandboxJson.Error(code, message));
    }
}
