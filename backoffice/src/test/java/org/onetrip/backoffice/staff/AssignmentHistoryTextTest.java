package org.onetrip.backoffice.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onetrip.backoffice.web.Text;
import org.onetrip.kiosk.catalog.LocalizedText;

/** An assignment's line in the history is written in both languages: staff read it in either. */
class AssignmentHistoryTextTest {
    private static final LocalizedText GOVERNANCE = LocalizedText.of("社会治理办公室", "Social governance office");

    @Test
    void toAColleagueAndADepartmentInEachLanguage() {
        assertThat(StaffPages.assigned(Text.ZH, "吴窗口", GOVERNANCE)).isEqualTo("转派给吴窗口（社会治理办公室）");
        assertThat(StaffPages.assigned(Text.EN, "吴窗口", GOVERNANCE)).isEqualTo("Reassigned to 吴窗口 (Social governance office)");
        assertThat(StaffPages.assigned(Text.ZH, null, GOVERNANCE)).isEqualTo("转派（社会治理办公室）");
        assertThat(StaffPages.assigned(Text.EN, null, GOVERNANCE)).isEqualTo("Reassigned (Social governance office)");
        assertThat(StaffPages.assigned(Text.EN, "吴窗口", null)).isEqualTo("Reassigned to 吴窗口");
        assertThat(StaffPages.assigned(Text.EN, null, null)).isEqualTo("Reassigned");
    }

    @Test
    void bothLanguagesOnTheirOwnLinesOrOneWhenTheyAreTheSame() {
        assertThat(StaffPages.inBothLanguages("转派给吴窗口", "Reassigned to 吴窗口")).isEqualTo("转派给吴窗口\nReassigned to 吴窗口");
        assertThat(StaffPages.inBothLanguages("吴窗口", "吴窗口")).isEqualTo("吴窗口");
        assertThat(StaffPages.inBothLanguages("转派", null)).isEqualTo("转派");
    }

    @Test
    void aDepartmentWithoutEnglishKeepsItsChineseName() {
        LocalizedText zhOnly = new LocalizedText(java.util.Map.of("zh-CN", "综治中心"));
        assertThat(StaffPages.assigned(Text.EN, null, zhOnly)).isEqualTo("Reassigned (综治中心)");
    }
}
