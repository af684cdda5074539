package org.debtledger.edge;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The refusals of a request's body that both sides answer alike, as {@link Problems}: unreadable (400), of a type
 * the endpoint does not read (415), too large (413). Each side's answers extend it with their own.
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

    /** Keeps Spring's {@code Accept} header, which lists the types the endpoint reads. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        ProblemDetail problem = Problems.unsupportedMediaType(e);
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }
}
