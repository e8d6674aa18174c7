package dev.slk.spi.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.spi.schedule.ScheduleExpression.Cron;
import dev.slk.spi.schedule.ScheduleExpression.Rate;
import dev.slk.spi.schedule.ScheduleExpression.Unit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {

    private static String failureOf(String expression) {
        InvalidScheduleException e = assertThrows(
                InvalidScheduleException.class, () -> ScheduleExpression.parse(expression));
        assertFalse(e.getMessage().contains("\n"), "message is one line: " + e.getMessage());
        return e.getMessage();
    }

    private static ScheduleExpression parsed(String expression) {
        try {
            return ScheduleExpression.parse(expression);
        } catch (InvalidScheduleException e) {
            throw new AssertionError(
                    "expected '" + expression + "' to parse: " + e.getMessage(), e);
        }
    }

    @Nested
    class NeitherForm {
        private static final String FORMS = "use rate(value unit), e.g. rate(5 minutes), or"
                + " cron(minutes hours day-of-month month day-of-week year),"
                + " e.g. cron(0 12 * * ? *)";

        @Test
        void nullIsRejectedNamingBothForms() {
            assertEquals("Schedule expression is empty; " + FORMS, failureOf(null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\t"})
        void emptyOrBlankIsRejectedNamingBothForms(String expression) {
            assertEquals("Schedule expression is empty; " + FORMS, failureOf(expression));
        }

        @ParameterizedTest
        @ValueSource(strings = {"every 5 minutes", "at(2030-01-01T00:00:00)", "RATE(5 minutes)",
            "Cron(0 12 * * ? *)", " rate(5 minutes)", "rate (5 minutes)", "rate 5 minutes",
            "0 12 * * ? *", "cron 0 12 * * ? *"})
        void unknownFormIsRejectedNamingBothForms(String expression) {
            assertEquals("Schedule expression '" + expression + "' is not recognised; " + FORMS,
                    failureOf(expression));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            rate(5 minutes        | rate expression 'rate(5 minutes' must end with ')'
            "rate(5 minutes) "    | rate expression 'rate(5 minutes) ' must end with ')'
            rate(                 | rate expression 'rate(' must end with ')'
            cron(0 12 * * ? *     | cron expression 'cron(0 12 * * ? *' must end with ')'
            rate((5 minutes))     | rate expression 'rate((5 minutes))' must have exactly one pair of parentheses
            rate(5 minutes))      | rate expression 'rate(5 minutes))' must have exactly one pair of parentheses
            cron(0 12 * * (?) *)  | cron expression 'cron(0 12 * * (?) *)' must have exactly one pair of parentheses
            """)
        void unbalancedParenthesesAreRejected(String expression, String message) {
            assertEquals(message, failureOf(expression));
        }
    }

    @Nested
    class RateForm {

        @ParameterizedTest
        @CsvSource(textBlock = """
            rate(1 minute),   1, MINUTE
            rate(2 minutes),  2, MINUTE
            rate(5 minutes),  5, MINUTE
            rate(1 hour),     1, HOUR
            rate(12 hours),  12, HOUR
            rate(1 day),      1, DAY
            rate(7 days),     7, DAY
            rate(10 minutes), 10, MINUTE
            rate(9223372036854775807 days), 9223372036854775807, DAY
            """)
        void validRateParsesToValueAndUnit(String expression, long value, Unit unit) {
            assertEquals(new Rate(value, unit), parsed(expression));
        }

        @ParameterizedTest
        @ValueSource(strings = {"rate(1 minute)", "rate(5 minutes)", "rate(1 hour)",
            "rate(3 hours)", "rate(1 day)", "rate(30 days)"})
        void canonicalTextIsTheParsedText(String expression) {
            assertEquals(expression, parsed(expression).expression());
        }

        @Test
        void constructedRatePicksSingularOrPluralUnit() {
            assertEquals("rate(1 hour)", new Rate(1, Unit.HOUR).expression());
            assertEquals("rate(2 hours)", new Rate(2, Unit.HOUR).expression());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            rate(1 minutes) | rate unit 'minutes' must be singular when the value is 1; use rate(1 minute)
            rate(1 hours)   | rate unit 'hours' must be singular when the value is 1; use rate(1 hour)
            rate(1 days)    | rate unit 'days' must be singular when the value is 1; use rate(1 day)
            rate(5 minute)  | rate unit 'minute' must be plural when the value is 5; use rate(5 minutes)
            rate(2 hour)    | rate unit 'hour' must be plural when the value is 2; use rate(2 hours)
            rate(10 day)    | rate unit 'day' must be plural when the value is 10; use rate(10 days)
            """)
        void unitMustBeSingularExactlyWhenValueIsOne(String expression, String message) {
            assertEquals(message, failureOf(expression));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            rate(0 minutes)    | rate value must be at least 1, but is 0
            rate(00 minutes)   | rate value must be at least 1, but is 00
            rate(-5 minutes)   | rate value '-5' must be a whole number of at least 1, written with the digits 0-9 only
            rate(+5 minutes)   | rate value '+5' must be a whole number of at least 1, written with the digits 0-9 only
            rate(1.5 hours)    | rate value '1.5' must be a whole number of at least 1, written with the digits 0-9 only
            rate(five minutes) | rate value 'five' must be a whole number of at least 1, written with the digits 0-9 only
            rate(٥ minutes)    | rate value '٥' must be a whole number of at least 1, written with the digits 0-9 only
            rate(05 minutes)   | rate value '05' must not have leading zeros
            rate(9223372036854775808 minutes) | rate value 9223372036854775808 is too large; the largest is 9223372036854775807
            """)
        void valueMustBeAPositiveWholeNumber(String expression, String message) {
            assertEquals(message, failureOf(expression));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            rate(5 seconds) | rate unit 'seconds' is not supported; use minute, minutes, hour, hours, day or days
            rate(5 weeks)   | rate unit 'weeks' is not supported; use minute, minutes, hour, hours, day or days
            rate(5 Minutes) | rate unit 'Minutes' is not supported; use minute, minutes, hour, hours, day or days
            rate(5 mins)    | rate unit 'mins' is not supported; use minute, minutes, hour, hours, day or days
            """)
        void unknownUnitIsRejectedListingTheUnits(String expression, String message) {
            assertEquals(message, failureOf(expression));
        }

        @ParameterizedTest
        @ValueSource(strings = {"rate()", "rate(5)", "rate(minutes)", "rate(5  minutes)",
            "rate( 5 minutes)", "rate(5 minutes )", "rate(5 minutes now)", "rate(5\tminutes)",
            "rate(5 )", "rate( minutes)"})
        void valueAndUnitMustBeSeparatedByExactlyOneSpace(String expression) {
            assertEquals("rate expression '" + expression + "' must be a value and a unit"
                    + " separated by one space, e.g. rate(5 minutes)", failureOf(expression));
        }

        @Test
        void constructorRejectsValueBelowOne() {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> new Rate(0, Unit.MINUTE));
            assertEquals("rate value must be at least 1, but is 0", e.getMessage());
        }

        @Test
        void constructorRejectsMissingUnit() {
            NullPointerException e =
                    assertThrows(NullPointerException.class, () -> new Rate(5, null));
            assertEquals("unit", e.getMessage());
        }
    }

    @Nested
    class CronForm {

        @ParameterizedTest
        @ValueSource(strings = {
            // from the EventBridge documentation
            "cron(0 10 * * ? *)", "cron(15 12 * * ? *)", "cron(0 18 ? * MON-FRI *)",
            "cron(0 8 1 * ? *)", "cron(0/15 * * * ? *)", "cron(0/10 * ? * MON-FRI *)",
            "cron(0/5 8-17 ? * MON-FRI *)", "cron(0 9 ? * 2#1 *)",
            // range boundaries of each field
            "cron(0 0 1 1 ? 1970)", "cron(59 23 31 12 ? 2199)", "cron(0 0 ? 1 1 *)",
            "cron(0 0 ? 12 7 *)",
            // names, any case, alone, in lists and in ranges
            "cron(0 0 ? JAN SUN *)", "cron(0 0 ? DEC SAT *)", "cron(0 0 ? jan mon *)",
            "cron(0 0 ? Jan-Mar Mon-Fri *)", "cron(0 0 ? JAN,JUL MON,WED,FRI *)",
            "cron(0 0 ? 1-MAR SUN-7 *)",
            // lists, ranges, increments and *
            "cron(0,15,30,45 * * * ? *)", "cron(0-59 0-23 1-31 1-12 ? 1970-2199)",
            "cron(*/5 * * * ? *)", "cron(10-30/5 * * * ? *)", "cron(0/59 */23 1/30 1/11 ? */229)",
            "cron(0,10-20,*/30 * * * ? *)", "cron(5-5 * * * ? *)", "cron(0 0 ? * 1/6 *)",
            "cron(* * * * ? *)", "cron(0 0 * * ? 2030,2032)", "cron(05 08 * * ? *)",
            // the day-only wildcards
            "cron(0 0 L * ? *)", "cron(0 0 LW * ? *)", "cron(0 0 15W * ? *)", "cron(0 0 1W * ? *)",
            "cron(0 0 31W * ? *)", "cron(0 0 l * ? *)", "cron(0 0 lw * ? *)", "cron(0 0 15w * ? *)",
            "cron(0 0 ? * L *)", "cron(0 0 ? * 6L *)", "cron(0 0 ? * 1L *)", "cron(0 0 ? * 7L *)",
            "cron(0 0 ? * FRIL *)", "cron(0 0 ? * 3#2 *)", "cron(0 0 ? * 1#1 *)",
            "cron(0 0 ? * 7#5 *)", "cron(0 0 ? * MON#1 *)",
            // several spaces between fields
            "cron(0  12   *  * ?     *)"})
        void validCronIsAccepted(String expression) {
            assertInstanceOf(Cron.class, parsed(expression));
        }

        @Test
        void fieldsAreKeptInOrder() {
            assertEquals(new Cron("0/5", "8-17", "?", "*", "MON-FRI", "2030"),
                    parsed("cron(0/5 8-17 ? * MON-FRI 2030)"));
        }

        @Test
        void canonicalTextUsesSingleSpacesAndUpperCaseNames() {
            assertEquals("cron(0 12 ? JAN-MAR MON-FRI *)",
                    parsed("cron(0   12 ? jan-Mar mon-fri *)").expression());
        }

        @Test
        void constructedCronUpperCasesItsFields() {
            Cron cron = new Cron("0", "12", "lw", "jul", "?", "*");
            assertEquals("LW", cron.dayOfMonth());
            assertEquals("JUL", cron.month());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            cron()                | 0
            cron(0)               | 1
            cron(0 12 * * ?)      | 5
            cron(0 0 12 * * ? *)  | 7
            """)
        void wrongFieldCountIsReported(String expression, int count) {
            String message = failureOf(expression);
            assertTrue(message.startsWith("cron expression needs 6 fields (minutes hours"
                    + " day-of-month month day-of-week year) but has " + count), message);
        }

        @Test
        void fiveFieldsHintsAtTheMissingYear() {
            assertEquals("cron expression needs 6 fields (minutes hours day-of-month month"
                    + " day-of-week year) but has 5; EventBridge also needs the year field,"
                    + " e.g. cron(0 12 * * ? *)", failureOf("cron(0 12 * * ?)"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"cron( 0 12 * * ? *)", "cron(0 12 * * ? * )"})
        void spacesJustInsideTheParenthesesAreRejected(String expression) {
            assertEquals("cron expression '" + expression
                    + "' must not have spaces just inside the parentheses", failureOf(expression));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            cron(60 0 * * ? *)         | cron minutes field: 60 is out of range 0-59
            cron(0 24 * * ? *)         | cron hours field: 24 is out of range 0-23
            cron(0 0 0 * ? *)          | cron day-of-month field: 0 is out of range 1-31
            cron(0 0 32 * ? *)         | cron day-of-month field: 32 is out of range 1-31
            cron(0 0 * 0 ? *)          | cron month field: 0 is out of range 1-12 or JAN-DEC
            cron(0 0 * 13 ? *)         | cron month field: 13 is out of range 1-12 or JAN-DEC
            cron(0 0 ? * 0 *)          | cron day-of-week field: 0 is out of range 1-7 or SUN-SAT
            cron(0 0 ? * 8 *)          | cron day-of-week field: 8 is out of range 1-7 or SUN-SAT
            cron(0 0 * * ? 1969)       | cron year field: 1969 is out of range 1970-2199
            cron(0 0 * * ? 2200)       | cron year field: 2200 is out of range 1970-2199
            cron(0 99999999999 * * ? *) | cron hours field: 99999999999 is out of range 0-23
            cron(0,60 0 * * ? *)       | cron minutes field: 60 is out of range 0-59
            cron(0 0-24 * * ? *)       | cron hours field: 24 is out of range 0-23
            cron(0 0 * * ? 1969-2000)  | cron year field: 1969 is out of range 1970-2199
            cron(60/5 0 * * ? *)       | cron minutes field: 60 is out of range 0-59
            """)
        void valueOutsideTheFieldsRangeIsRejectedNamingFieldAndRange(String expression,
                String message) {
            assertEquals(message, failureOf(expression));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            cron(0 0 ? JANUARY * *)    | cron month field: 'JANUARY' is not a number or a month name; allowed 1-12 or JAN-DEC
            cron(0 0 ? * FRIDAY *)     | cron day-of-week field: 'FRIDAY' is not a number or a day name; allowed 1-7 or SUN-SAT
            cron(0 0 ? * JAN *)        | cron day-of-week field: 'JAN' is not a number or a day name; allowed 1-7 or SUN-SAT
            cron(0 0 ? MON * *)        | cron month field: 'MON' is not a number or a month name; allowed 1-12 or JAN-DEC
            cron(x 0 * * ? *)          | cron minutes field: 'x' is not a number; allowed 0-59
            cron(0 L * * ? *)          | cron hours field: 'L' is not a number; allowed 0-23
            cron(0 0 * * ? MMXX)       | cron year field: 'MMXX' is not a number; allowed 1970-2199
            cron(0 0 MON * ? *)        | cron day-of-month field: 'MON' is not a number; allowed 1-31
            """)
        void unknownNameIsRejectedSayingWhatIsAllowed(String expression, String message) {
            assertEquals(message, failureOf(expression));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            cron(30-10 * * * ? *)      | cron minutes field: range '30-10' starts after it ends; write the smaller value first
            cron(0 0 ? * FRI-MON *)    | cron day-of-week field: range 'FRI-MON' starts after it ends; write the smaller value first
            cron(0 0 ? DEC-JAN * *)    | cron month field: range 'DEC-JAN' starts after it ends; write the smaller value first
            cron(-5 * * * ? *)         | cron minutes field: range '-5' needs a start and an end; allowed 0-59
            cron(5- * * * ? *)         | cron minutes field: range '5-' needs a start and an end; allowed 0-59
            cron(1-2-3 * * * ? *)      | cron minutes field: '2-3' is not a number; allowed 0-59
            cron(0 0 ? JAN-FOO * *)    | cron month field: 'FOO' is not a number or a month name; allowed 1-12 or JAN-DEC
            """)
        void malformedRangeIsRejected(String expression, String message) {
            assertEquals(message, failureOf(expression));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            cron(*/0 * * * ? *)        | cron minutes field: increment 0 in '*/0' is out of range 1-59
            cron(*/60 * * * ? *)       | cron minutes field: increment 60 in '*/60' is out of range 1-59
            cron(0 */24 * * ? *)       | cron hours field: increment 24 in '*/24' is out of range 1-23
            cron(0 0 1/31 * ? *)       | cron day-of-month field: increment 31 in '1/31' is out of range 1-30
            cron(0 0 * 1/12 ? *)       | cron month field: increment 12 in '1/12' is out of range 1-11
            cron(0 0 ? * 1/7 *)        | cron day-of-week field: increment 7 in '1/7' is out of range 1-6
            cron(0 0 * * ? 1970/230)   | cron year field: increment 230 in '1970/230' is out of range 1-229
            cron(*/x * * * ? *)        | cron minutes field: increment in '*/x' must be a whole number from 1 to 59
            cron(*/ * * * ? *)         | cron minutes field: increment in '*/' must be a whole number from 1 to 59
            cron(0/5/5 * * * ? *)      | cron minutes field: increment in '0/5/5' must be a whole number from 1 to 59
            cron(/5 * * * ? *)         | cron minutes field: '/5' needs a start before '/', e.g. */5 or 0/5
            cron(0 0 * /2 ? *)         | cron month field: '/2' needs a start before '/', e.g. */5 or 1/5
            """)
        void incrementMustBeAtLeastOneAndWithinTheField(String expression, String message) {
            assertEquals(message, failureOf(expression));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            cron(? 0 * * ? *)          | cron minutes field: '?' is only allowed in day-of-month or day-of-week
            cron(0 ? * * ? *)          | cron hours field: '?' is only allowed in day-of-month or day-of-week
            cron(0 0 * ? ? *)          | cron month field: '?' is only allowed in day-of-month or day-of-week
            cron(0 0 * * ? ?)          | cron year field: '?' is only allowed in day-of-month or day-of-week
            cron(0 0 ?,1 * ? *)        | cron day-of-month field: '?' must be the whole field, not part of '?,1'
            cron(0 0 * * ?? *)         | cron day-of-week field: '?' must be the whole field, not part of '??'
            """)
        void questionMarkIsOnlyAllowedAloneInADayField(String expression, String message) {
            assertEquals(message, failureOf(expression));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            cron(0 0 * * * *)          | '*' and '*'
            cron(0 0 1 * MON *)        | '1' and 'MON'
            cron(0 0 L * 6L *)         | 'L' and '6L'
            """)
        void dayOfMonthAndDayOfWeekCannotBothBeSet(String expression, String fields) {
            assertEquals("cron day-of-month and day-of-week fields are both set (" + fields
                    + "); EventBridge cannot use both, so set one of them to '?'",
                    failureOf(expression));
        }

        @Test
        void dayOfMonthAndDayOfWeekCannotBothBeQuestionMarks() {
            assertEquals("cron day-of-month and day-of-week fields are both '?'; exactly one of"
                    + " them must be '?' and the other must say which days",
                    failureOf("cron(0 0 ? * ? *)"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            cron(0 0 32W * ? *)        | cron day-of-month field: 32 is out of range 1-31
            cron(0 0 0W * ? *)         | cron day-of-month field: 0 is out of range 1-31
            cron(0 0 W * ? *)          | cron day-of-month field: 'W' must be a day number followed by W, e.g. 15W, or LW
            cron(0 0 1-5W * ? *)       | cron day-of-month field: '1-5W' must be a day number followed by W, e.g. 15W, or LW
            cron(0 0 L-3 * ? *)        | cron day-of-month field: 'L-3' is not supported; use L for the last day of the month or LW for its last weekday
            cron(0 0 L,15 * ? *)       | cron day-of-month field: 'L' cannot be combined with other values in a list
            cron(0 0 1,15W * ? *)      | cron day-of-month field: '15W' cannot be combined with other values in a list
            cron(0 0 ? * 8L *)         | cron day-of-week field: 8 is out of range 1-7 or SUN-SAT
            cron(0 0 ? * 1-5L *)       | cron day-of-week field: '1-5' is not a number or a day name; allowed 1-7 or SUN-SAT
            cron(0 0 ? * 6L,1 *)       | cron day-of-week field: '6L' cannot be combined with other values in a list
            cron(0 0 ? * 3#6 *)        | cron day-of-week field: '3#6' asks for occurrence 6 of the day; allowed 1-5
            cron(0 0 ? * 3#0 *)        | cron day-of-week field: '3#0' asks for occurrence 0 of the day; allowed 1-5
            cron(0 0 ? * 3#x *)        | cron day-of-week field: '3#x' asks for occurrence x of the day; allowed 1-5
            cron(0 0 ? * 8#1 *)        | cron day-of-week field: 8 is out of range 1-7 or SUN-SAT
            cron(0 0 ? * #2 *)         | cron day-of-week field: '#2' must be a day and an occurrence, e.g. 3#2 for the second Tuesday of the month
            cron(0 0 ? * 3#2#1 *)      | cron day-of-week field: '3#2#1' must be a day and an occurrence, e.g. 3#2 for the second Tuesday of the month
            cron(0 0 ? * 1,3#2 *)      | cron day-of-week field: '3#2' cannot be combined with other values in a list
            cron(0 0 * * ? 3#2)        | cron year field: '#' is only allowed in day-of-week, e.g. 3#2
            cron(0 0 LW ? * *)         | cron month field: '?' is only allowed in day-of-month or day-of-week
            cron(0 0 ? * LW *)         | cron day-of-week field: 'LW' is not a number or a day name; allowed 1-7 or SUN-SAT
            cron(0 0 ? 6L * *)         | cron month field: '6L' is not a number or a month name; allowed 1-12 or JAN-DEC
            cron(0 0 15W ? * *)        | cron month field: '?' is only allowed in day-of-month or day-of-week
            """)
        void dayWildcardsLWAndHashAreChecked(String expression, String message) {
            assertEquals(message, failureOf(expression));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            cron(0,,5 * * * ? *)       | cron minutes field: '0,,5' has an empty item in its list
            cron(0, * * * ? *)         | cron minutes field: '0,' has an empty item in its list
            cron(0 12.5 * * ? *)       | cron hours field: '12.5' contains '.', which is not allowed in a cron field
            cron(0 +1 * * ? *)         | cron hours field: '+1' contains '+', which is not allowed in a cron field
            cron(0 0 * * ? é)          | cron year field: 'é' contains 'é', which is not allowed in a cron field
            """)
        void malformedFieldIsRejectedNamingTheField(String expression, String message) {
            assertEquals(message, failureOf(expression));
        }

        @Test
        void constructorAppliesTheSameRulesAsParse() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Cron("60", "0", "*", "*", "?", "*"));
            assertEquals("cron minutes field: 60 is out of range 0-59", e.getMessage());
            assertInstanceOf(InvalidScheduleException.class, e.getCause());
        }

        @Test
        void constructorRejectsAFieldWithSpaces() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Cron("0 0", "0", "*", "*", "?", "*"));
            assertEquals("cron minutes field: '0 0' contains ' ', which is not allowed in a cron"
                    + " field", e.getMessage());
        }

        @Test
        void constructorRejectsMissingField() {
            NullPointerException e = assertThrows(NullPointerException.class,
                    () -> new Cron("0", "0", "*", "*", "?", null));
            assertEquals("year", e.getMessage());
        }
    }
}
