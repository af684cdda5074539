package org.debtledger.edge;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The refusals of a request's form that both sides answer alike, as {@link Problems}: unreadable (400), a parameter
 * of the wrong form (400), of a type the endpoint does not read (415), too large (413). Each side's answers extend it with their own.
 */
public abstract class EdgeProblemAnswers extends ResponseEntityExceptionHandler {

    @ExceptionHandler(RequestTooLarge.class)
    protected ProblemDetail tooLarge(RequestTooLarge e) {
        return Problems.tooLarge(e);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = Problems.unreadable(e);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** A path variable or query parameter of the wrong form: 400 naming it and the form it must have. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String detail = e instanceof MethodArgumentTypeMismatchException mismatch ? StrictInput.describe(mismatch)
                : e.getPropertyName() + " has the wrong form";
        return ResponseEntity.badRequest().body(Problems.MALFORMED_REQUEST.with(detail));
    }

    /** Keeps Spring's {@code Accept} header, which lists the types the endpoint reads. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        ProblemDetail problem = Problems.unsupportedMediaType(e);
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }
}
