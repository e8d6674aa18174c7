package dev.slk.iam.rules;

import java.util.List;
import java.util.Set;

/** Named action sets from Parliament and Cloudsplaining (learned from their docs; lists written here). */
final class ActionSets {
    /** Privilege-escalation combinations: holding every action of one lets a principal raise its own access. */
    static final List<Set<String>> ESCALATIONS = List.of(
            Set.of("iam:createaccesskey"), Set.of("iam:createloginprofile"), Set.of("iam:updateloginprofile"),
            Set.of("iam:attachuserpolicy"), Set.of("iam:attachgrouppolicy"), Set.of("iam:attachrolepolicy", "sts:assumerole"),
            Set.of("iam:putuserpolicy"), Set.of("iam:putgrouppolicy"), Set.of("iam:putrolepolicy", "sts:assumerole"),
            Set.of("iam:addusertogroup"), Set.of("iam:updateassumerolepolicy", "sts:assumerole"),
            Set.of("iam:createpolicyversion"), Set.of("iam:setdefaultpolicyversion"),
            Set.of("iam:passrole", "ec2:runinstances"),
            Set.of("iam:passrole", "lambda:createfunction", "lambda:invokefunction"),
            Set.of("iam:passrole", "lambda:createfunction", "lambda:createeventsourcemapping"),
            Set.of("lambda:updatefunctioncode"),
            Set.of("iam:passrole", "glue:createdevendpoint"), Set.of("glue:updatedevendpoint"),
            Set.of("iam:passrole", "cloudformation:createstack"),
            Set.of("iam:passrole", "datapipeline:createpipeline", "datapipeline:putpipelinedefinition"),
            Set.of("iam:passrole", "codestar:createproject"),
            Set.of("iam:passrole", "codebuild:createproject", "codebuild:startbuild"),
            Set.of("iam:passrole", "ecs:registertaskdefinition", "ecs:runtask"),
            Set.of("iam:passrole", "glue:createjob"), Set.of("iam:passrole", "glue:updatejob"),
            Set.of("iam:passrole", "sagemaker:createnotebookinstance"),
            Set.of("iam:passrole", "sagemaker:createtrainingjob"),
            Set.of("iam:passrole", "states:createstatemachine", "states:startexecution"),
            Set.of("ssm:sendcommand"), Set.of("ssm:startsession"), Set.of("ec2-instance-connect:sendsshpublickey"));

    /** Actions that hand out credentials. */
    static final Set<String> CREDENTIALS = Set.of("iam:createaccesskey", "iam:createloginprofile",
            "iam:updateloginprofile", "iam:updateaccesskey", "iam:createservicespecificcredential",
            "iam:resetservicespecificcredential", "sts:assumerole", "sts:assumerolewithsaml",
            "sts:assumerolewithwebidentity", "sts:getfederationtoken", "chime:createapikey",
            "cognito-identity:getcredentialsforidentity", "cognito-identity:getopenidtoken",
            "connect:getfederationtoken", "ec2:getpassworddata", "gamelift:requestuploadcredentials",
            "iot:assumerolewithcertificate", "lightsail:getinstanceaccessdetails", "lightsail:downloaddefaultkeypair",
            "rds-db:connect", "redshift:getclustercredentials", "redshift-serverless:getcredentials",
            "sso:getrolecredentials", "sagemaker:createpresigneddomainurl", "sagemaker:createpresignednotebookinstanceurl");

    /** Actions that read stored secrets or data. */
    static final Set<String> EXFILTRATION = Set.of("s3:getobject", "s3:getobjectversion", "ssm:getparameter",
            "ssm:getparameters", "ssm:getparametersbypath", "secretsmanager:getsecretvalue",
            "secretsmanager:batchgetsecretvalue", "dynamodb:scan", "dynamodb:query", "dynamodb:getitem",
            "dynamodb:batchgetitem");

    /** KMS actions whose use on "*" reaches every key that trusts the account. */
    static final Set<String> KMS_DATA = Set.of("kms:decrypt", "kms:encrypt", "kms:reencryptfrom", "kms:reencryptto",
            "kms:generatedatakey", "kms:generatedatakeywithoutplaintext", "kms:generatedatakeypair",
            "kms:generatedatakeypairwithoutplaintext");

    /** Services that act for many accounts: trusting them needs aws:SourceAccount or aws:SourceArn. */
    static final Set<String> CONFUSED_DEPUTY_SERVICES = Set.of("events.amazonaws.com", "scheduler.amazonaws.com",
            "sns.amazonaws.com", "s3.amazonaws.com", "cloudtrail.amazonaws.com", "config.amazonaws.com",
            "logs.amazonaws.com", "delivery.logs.amazonaws.com", "cloudwatch.amazonaws.com", "firehose.amazonaws.com",
            "apigateway.amazonaws.com", "states.amazonaws.com", "pipes.amazonaws.com", "securitylake.amazonaws.com",
            "ses.amazonaws.com", "backup.amazonaws.com", "glue.amazonaws.com");

    /** Conditions that scope a service principal to this account or resource. */
    static final List<String> SOURCE_KEYS = List.of("aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID",
            "aws:SourceOrgPaths", "kms:EncryptionContext:aws:logs:arn");

    private ActionSets() {
    }
}
