package org.onetrip.kiosk.catalog;

import java.util.List;

/**
 * A form field, shaped as an Open311 service-definition attribute, plus what the touch screen
 * needs: the input kind, a validation rule and, for free text, common phrases to tap.
 * {@code personal} marks fields holding personal data (a phone number, a name): they live in the
 * store's personal table and are erased after the retention period.
 */
public record Attribute(
        String code,
        Datatype datatype,
        boolean required,
        LocalizedText description,
        LocalizedText datatypeDescription,
        int order,
        List<AttributeValue> values,
        Validation validation,
        List<LocalizedText> phrases,
        boolean personal) {

    public Attribute {
        values = values == null ? List.of() : List.copyOf(values);
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        validation = validation == null ? Validation.NONE : validation;
    }

    public InputKind inputKind() {
        return switch (datatype) {
            case SINGLEVALUELIST -> InputKind.CHOICE;
            case MULTIVALUELIST -> InputKind.MULTI_CHOICE;
            case DATETIME -> InputKind.DATE;
            case NUMBER -> InputKind.KEYPAD;
            case STRING, TEXT -> validation.kind().equals("phone") || validation.kind().equals("integer")
                    || validation.kind().equals("id_number")
                    ? InputKind.KEYPAD : InputKind.KEYBOARD;
        };
    }

    public AttributeValue value(String key) {
        return values.stream().filter(v -> v.key().equals(key)).findFirst().orElse(null);
    }
}
