"""The user's own page: memberships and API tokens."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from chitieu.web.accounts.actions import do_issue_token


@login_required
def profile(request):
    raw = None
    if request.method == "POST":
        _token, raw = do_issue_token(request.user, request.POST.get("name", "")[:100])
    return render(request, "accounts/profile.html", {
        "memberships": request.user.memberships.select_related("unit"),
        "tokens": request.user.api_tokens.all(),
        "raw_token": raw,
    })
