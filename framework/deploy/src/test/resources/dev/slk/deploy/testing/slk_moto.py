"""moto_server 5.2.1 with the CloudFormation defects fixed that would let slk's deploy tests pass
while testing nothing. Test-only: started by MotoServer in slk's test tree, never shipped.

Each patch names the defect it fixes (all seen with stock moto 5.2.1 and the CDK CLI 2.1148.1):
1. AWS::KMS::Key Tags ([{Key, Value}] in templates) reach KMS's tagger, which wants TagKey/TagValue:
   ExecuteChangeSet crashes with KeyError 'TagKey', the SDK retries, and the CLI then reports
   success for a stack that created nothing.
2. DeleteChangeSet of a change set that does not exist crashes (UnboundLocalError, HTTP 500, retried
   for about 45 s by `cdk diff`); AWS answers ChangeSetNotFound.
3. ExecuteChangeSet never recomputes the stack's outputs, so a deployed stack has none.
4. CreateChangeSet with UsePreviousValue (the CDK's BootstrapVersion, SSM-typed) looks the value up
   among parameters a stack created through a change set never kept: KeyError, HTTP 500, updates fail.
6. AWS::Lambda::Function drops Architectures: every function reports x86_64 (slk's are arm64), so a
   verify that compares them would fail against moto for moto's sake.
5. DescribeChangeSet of a deleted change set answers "Stack with id ... does not exist" (code
   ValidationError) where AWS answers ChangeSetNotFound, so the CLI's wait for the deletion never ends.
"""
import sys

from moto.cloudformation import models as cfn_models
from moto.cloudformation import responses as cfn_responses
from moto.cloudformation.exceptions import CloudFormationError
from moto.kms import models as kms_models
from moto.server import main


class ChangeSetNotFound(CloudFormationError):
    code = "ChangeSetNotFound"

    def __init__(self, name):
        super().__init__(f"ChangeSet [{name}] does not exist")


# 1
_create_key = kms_models.Key.create_from_cloudformation_json.__func__


def _create_key_with_tags(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    properties = cloudformation_json.get("Properties", {})
    tags = properties.get("Tags")
    if tags:
        properties["Tags"] = [{"TagKey": t.get("Key", t.get("TagKey")), "TagValue": t.get("Value", t.get("TagValue"))}
                              for t in tags]
    return _create_key(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)


kms_models.Key.create_from_cloudformation_json = classmethod(_create_key_with_tags)


def _find_change_set(backend, name):
    if name in backend.change_sets:
        return name
    for key, change_set in backend.change_sets.items():
        if change_set.change_set_name == name:
            return key
    return None


# 2
def _delete_change_set(self, change_set_name):
    key = _find_change_set(self, change_set_name)
    if key is None:
        raise ChangeSetNotFound(change_set_name)
    del self.change_sets[key]


cfn_models.CloudFormationBackend.delete_change_set = _delete_change_set

# 3
_execute_change_set = cfn_models.CloudFormationBackend.execute_change_set


def _execute_change_set_with_outputs(self, change_set_name, stack_name=None):
    _execute_change_set(self, change_set_name, stack_name)
    key = _find_change_set(self, change_set_name)
    stack = self.stacks[self.change_sets[key].stack_id]
    stack.output_map = stack._create_output_map()


cfn_models.CloudFormationBackend.execute_change_set = _execute_change_set_with_outputs

# 4
_create_change_set = cfn_responses.CloudFormationResponse.create_change_set


def _create_change_set_with_previous_values(self):
    stack_name = self._get_param("StackName")
    parameters = self._get_param("Parameters", [])
    if any(p.get("UsePreviousValue") for p in parameters):
        stack = self.cloudformation_backend.get_stack(stack_name)
        for p in parameters:
            if p.get("UsePreviousValue"):
                p.pop("UsePreviousValue")
                # A stack created through a change set keeps no parameters: its template's default is the value.
                key = p["ParameterKey"]
                template = stack.parse_template(stack.template) if stack.template else stack.template_dict
                default = (template or {}).get("Parameters", {}).get(key, {}).get("Default")
                p["ParameterValue"] = stack.parameters.get(key) or default
        original = self._get_param

        def _get_param(name, default=None):
            return parameters if name == "Parameters" else original(name, default)

        self._get_param = _get_param
    return _create_change_set(self)


cfn_responses.CloudFormationResponse.create_change_set = _create_change_set_with_previous_values

# 5
_describe_change_set = cfn_models.CloudFormationBackend.describe_change_set


def _describe_existing_change_set(self, change_set_name):
    if _find_change_set(self, change_set_name) is None:
        raise ChangeSetNotFound(change_set_name)
    return _describe_change_set(self, change_set_name)


cfn_models.CloudFormationBackend.describe_change_set = _describe_existing_change_set

# 6
from moto.awslambda import models as lambda_models

_create_function = lambda_models.LambdaFunction.create_from_cloudformation_json.__func__


def _create_function_with_architectures(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    function = _create_function(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    architectures = cloudformation_json.get("Properties", {}).get("Architectures")
    if architectures:
        function.architectures = architectures
    return function


lambda_models.LambdaFunction.create_from_cloudformation_json = classmethod(_create_function_with_architectures)

if __name__ == "__main__":
    main(sys.argv[1:])
