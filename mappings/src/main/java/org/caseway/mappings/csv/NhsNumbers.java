package org.caseway.mappings.csv;

/** NHS numbers: 10 digits whose last is a modulus 11 check digit. */
public final class NhsNumbers {

  private NhsNumbers() {}

  /** Whether {@code value} is 10 digits with a correct check digit (a remainder of 10 is never valid). */
  public static boolean isValid(String value) {
    if (value == null || !value.matches("[0-9]{10}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (value.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == value.charAt(9) - '0';
  }
}
