package dev.slk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiffSummaryTest {
    @Test
    void countsAddedChangedReplacedRemovedAndSeesIamBroadening() {
        DiffSummary diff = DiffSummary.parse(List.of(
                "Stack stack-dev",
                "IAM Statement Changes",
                "┌───┬──────────┐",
                "Resources",
                "[+] AWS::SQS::Queue EventQueue EventQueue1A2B ",
                "[+] AWS::IAM::Role Role Role1 ",
                "[~] AWS::Lambda::Function Transformer T1 ",
                "[~] AWS::SQS::Queue Dlq Dlq1 may be replaced",
                "[-] AWS::SNS::Topic Alarms Alarms1 destroy"));
        assertEquals(new DiffSummary(2, 2, 1, 1, true), diff);
        assertEquals("2 to add, 2 to change (1 replaced), 1 to remove; IAM or security-group access broadens", diff.line());
    }

    @Test
    void noDifferencesIsNoChange() {
        DiffSummary diff = DiffSummary.parse(List.of("Stack stack-dev", "There were no differences"));
        assertFalse(diff.anyChange());
        assertFalse(ApprovalLevel.ANY_CHANGE.asksFor(diff));
    }

    @Test
    void broadeningAsksOnlyWhenAccessBroadens() {
        DiffSummary narrow = new DiffSummary(0, 1, 0, 0, false);
        assertFalse(ApprovalLevel.BROADENING.asksFor(narrow));
        assertTrue(ApprovalLevel.ANY_CHANGE.asksFor(narrow));
        assertTrue(ApprovalLevel.BROADENING.asksFor(new DiffSummary(1, 0, 0, 0, true)));
        assertFalse(ApprovalLevel.NEVER.asksFor(new DiffSummary(1, 0, 0, 0, true)));
    }
}
