package org.onetrip.kiosk.ime.handwriting;

/** A character the recognizer offers for some ink, with its score (higher is likelier). */
public record Candidate(String character, float score) {
}
