"""The user's own pages: memberships and API tokens (issue, revoke), password change and reset;
and the page a refused CSRF check shows."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chitieu.web.accounts.actions import do_issue_token, do_revoke_token, do_set_password
from chitieu.web.accounts.models import ApiToken


@login_required
def profile(request):
    raw = None
    if request.method == "POST":
        _token, raw = do_issue_token(request.user, request.POST.get("name", "").strip()[:100])
    return render(request, "accounts/profile.html", {
        "memberships": request.user.memberships.select_related("unit"),
        "tokens": request.user.api_tokens.all(),
        "raw_token": raw,
    })


@login_required
@require_POST
def revoke_token(request, token_id: int):
    # only the user's own tokens are reachable: anyone else's is a 404
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    if do_revoke_token(token, acting_user=request.user):
        messages.success(request, _("Đã thu hồi mã %(prefix)s…") % {"prefix": token.prefix})
    return redirect("accounts:profile")


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form):
        do_set_password(self.request.user, form.cleaned_data["new_password1"],
                        acting_user=self.request.user, how="change")
        # the password is part of the session hash: keep this session, end every other one
        update_session_auth_hash(self.request, form.user)
        return redirect(self.get_success_url())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        do_set_password(form.user, form.cleaned_data["new_password1"], acting_user=form.user, how="reset")
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return redirect(self.get_success_url())


def lockout(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the page a locked-out login gets (429), in the user's language."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/lockout.html", {
        "failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes,
    }, status=429)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: most often a form left open past the session, or cookies turned off."""
    return render(request, "403_csrf.html", {"reason": reason}, status=403)
