package io.digitaltowns.api.accounts;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * The rules for a password someone chooses (registration, change, reset, confirming an address): 10
 * to 128 characters, not only spaces, and at most {@value #MAX_BYTES} bytes in UTF-8. bcrypt reads
 * only the first 72 bytes and Spring's encoder refuses longer input, which used to answer 500: a
 * password of 30 "€" (90 bytes) is now a 400 that says why.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = ChosenPassword.FitsBcrypt.class)
@NotBlank
@Size(min = 10, max = 128, message = "must be between 10 and 128 characters")
@Pattern(regexp = ".*\\S.*", message = "must not be only spaces")
public @interface ChosenPassword {

  int MAX_BYTES = 72;

  String message() default
      "must be at most 72 bytes in UTF-8 (72 plain letters; accented letters and symbols take 2 to 4 bytes each)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The byte limit; the other rules are the composed constraints above. */
  class FitsBcrypt implements ConstraintValidator<ChosenPassword, String> {

    @Override
    public boolean isValid(String password, ConstraintValidatorContext context) {
      return password == null || password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
  }
}
