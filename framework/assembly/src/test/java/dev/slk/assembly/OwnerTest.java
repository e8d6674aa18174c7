package dev.slk.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnerTest {
    @Test
    void theSegmentAfterModulesIsTheOwningModule() {
        assertEquals(new Owner.Module("okta-logs"), Owner.of("Stack/modules/okta-logs/Poller/Resource"));
        assertEquals(new Owner.Module("okta-logs"), Owner.of("Stack/Module-okta-logs/Poller/Resource"));
        assertEquals(new Owner.Module("inner"), Owner.of("Stack/Core/modules/inner/X"));
        assertEquals(Optional.of("okta-logs"), Owner.of("Stack/modules/okta-logs/Poller/Resource").moduleId());
    }

    @Test
    void cdkSingletonsAreTheFrameworksAndTheRestIsCore() {
        assertEquals(Owner.CDK_FRAMEWORK, Owner.of("Stack/LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a/Resource"));
        assertEquals(Owner.CDK_FRAMEWORK, Owner.of("Stack/AWS679f53fac002430cb0da5b7982bd2287/Resource"));
        assertEquals(Owner.CDK_FRAMEWORK, Owner.of("Stack/Custom::S3AutoDeleteObjectsCustomResourceProvider/Handler"));
        assertEquals(Owner.CORE, Owner.of("Stack/EventQueue/Resource"));
        assertEquals(Owner.CORE, Owner.of("Stack/modules"));
        assertEquals(Owner.CORE, Owner.of("modules/StackNamedModules"));
        assertEquals(Optional.empty(), Owner.CORE.moduleId());
    }

    @Test
    void aResourceWithoutAPathIsUnattributed() {
        assertEquals(Owner.UNATTRIBUTED, Owner.of(""));
        assertEquals(Owner.UNATTRIBUTED, Owner.of(null));
    }
}
