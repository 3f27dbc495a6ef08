admin-providers-title = Providers to approve
admin-providers-empty = No provider is waiting.
admin-approve = Approve
admin-reject = Reject
admin-reject-reason = Reason for rejecting
admin-error-reason = Give a reason of 5 to 1,000 characters: the provider will receive it.
