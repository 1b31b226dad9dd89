package io.digitaltowns.api.accounts;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The annotated text is a {@link DisplayName}; null is left to {@code @NotBlank}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidDisplayName.Validator.class)
public @interface ValidDisplayName {

  String message() default "is not a valid display name";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidDisplayName, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      String reason = value == null ? null : DisplayName.problemWith(value);
      if (reason == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(reason).addConstraintViolation();
      return false;
    }
  }
}
