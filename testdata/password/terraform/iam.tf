# Account-wide password rules for the CRM's AWS account.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 14
  require_lowercase_characters   = true
  require_numbers                = true
  require_uppercase_characters   = true
  require_symbols                = false
  allow_users_to_change_password = true
  password_reuse_prevention      = 12
}

output "policy_expires" {
  value = aws_iam_account_password_policy.strict.expire_passwords
}
