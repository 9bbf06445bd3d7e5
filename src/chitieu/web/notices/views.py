"""The user's notices: the list, and marking them read."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from chitieu.web.notices.actions import do_mark_read
from chitieu.web.notices.models import Notice


@login_required
def notice_list(request):
    notices = list(Notice.objects.filter(user=request.user)[:100])
    return render(request, "notices/list.html", {"notices": notices})


@login_required
@require_POST
def read(request, notice_id: int):
    notice = Notice.objects.filter(user=request.user, pk=notice_id).first()
    if notice is None:
        raise Http404("notice")  # another user's notice does not exist for this one
    do_mark_read(request.user, notice.pk)
    return redirect(notice.url or "notices:list")


@login_required
@require_POST
def read_all(request):
    do_mark_read(request.user)
    return redirect("notices:list")
