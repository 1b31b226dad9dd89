package io.digitaltowns.api.accounts;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated text is an address {@link EmailAddress#parse} accepts, so a request with a
 * look-alike address is refused with its other field problems, before anything is looked up. Null
 * is left to {@code @NotBlank}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidEmailAddress.Validator.class)
public @interface ValidEmailAddress {

  String message() default "is not a valid email address";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidEmailAddress, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        return true;
      }
      try {
        EmailAddress.parse(value);
        return true;
      } catch (InvalidEmailAddressException invalid) {
        context.disableDefaultConstraintViolation();
        context
            .buildConstraintViolationWithTemplate(escaped(invalid.reason()))
            .addConstraintViolation();
        return false;
      }
    }

    /** the reason lists characters such as { } $ that message templates would interpret */
    private static String escaped(String text) {
      return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
  }
}
