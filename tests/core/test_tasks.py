"""Task status as the Government Office counts it, from dates and a frozen ``today``."""

from datetime import date

import pytest

from chitieu.core.tasks import (
    TaskDateError,
    TaskStatus,
    deadline_text,
    due_soon,
    is_overdue,
    sort_key,
    summarise,
    task_status,
)

DEADLINE = date(2024, 6, 30)


def test_nothing_reported_is_not_started_and_becomes_overdue_the_day_after_the_deadline():
    on_the_day = task_status(deadline=DEADLINE, today=date(2024, 6, 30))
    assert on_the_day == TaskStatus.NOT_STARTED and not is_overdue(on_the_day, DEADLINE, date(2024, 6, 30))
    after = task_status(deadline=DEADLINE, today=date(2024, 7, 1))
    assert after == TaskStatus.NOT_STARTED and is_overdue(after, DEADLINE, date(2024, 7, 1))


def test_work_reported_is_in_progress_within_or_past_the_deadline():
    kw = {"deadline": DEADLINE, "started": date(2024, 3, 1)}
    assert task_status(today=date(2024, 6, 30), **kw) == TaskStatus.IN_PROGRESS
    late = task_status(today=date(2024, 7, 1), **kw)
    assert late == TaskStatus.IN_PROGRESS_LATE and late.label == "Đang thực hiện — quá hạn"


def test_completion_on_the_deadline_day_is_on_time_the_day_after_is_late_whatever_today_is():
    assert task_status(deadline=DEADLINE, completed=date(2024, 6, 30), today=date(2030, 1, 1)) == TaskStatus.DONE_ON_TIME
    late = task_status(deadline=DEADLINE, completed=date(2024, 7, 1), today=date(2024, 7, 1))
    assert late == TaskStatus.DONE_LATE and late.done and late.label == "Đã hoàn thành — quá hạn"


def test_a_recurring_task_is_never_overdue_and_finishing_it_is_on_time():
    status = task_status(deadline=None, started=date(2020, 1, 1), today=date(2030, 1, 1))
    assert status == TaskStatus.IN_PROGRESS and not is_overdue(status, None, date(2030, 1, 1))
    assert task_status(deadline=None, completed=date(2030, 1, 1), today=date(2030, 1, 1)) == TaskStatus.DONE_ON_TIME
    assert deadline_text(None) == "Thường xuyên" and deadline_text(DEADLINE) == "30/06/2024"


def test_a_reason_for_not_doing_it_wins_over_every_date_and_blank_reasons_do_not_count():
    assert task_status(deadline=DEADLINE, started=date(2024, 1, 1), today=date(2025, 1, 1),
                       not_done_reason="Không còn đối tượng áp dụng") == TaskStatus.NOT_DONE
    assert task_status(deadline=DEADLINE, today=date(2024, 1, 1), not_done_reason="   ") == TaskStatus.NOT_STARTED


def test_a_completion_before_the_start_is_refused_in_both_languages():
    with pytest.raises(TaskDateError) as err:
        task_status(deadline=DEADLINE, started=date(2024, 5, 2), completed=date(2024, 5, 1), today=DEADLINE)
    assert "01/05/2024" in err.value.vi and "before it started" in err.value.en


def test_due_soon_is_the_next_30_days_of_unfinished_tasks():
    today = date(2024, 6, 1)
    assert due_soon(TaskStatus.IN_PROGRESS, date(2024, 7, 1), today)
    assert not due_soon(TaskStatus.IN_PROGRESS, date(2024, 7, 2), today)
    assert not due_soon(TaskStatus.DONE_ON_TIME, date(2024, 6, 10), today)
    assert not due_soon(TaskStatus.NOT_STARTED, None, today)


def test_overdue_tasks_come_first_the_finished_last():
    today = date(2024, 7, 10)
    tasks = [
        ("done", TaskStatus.DONE_ON_TIME, date(2024, 5, 1)),
        ("recurring", TaskStatus.IN_PROGRESS, None),
        ("soon", TaskStatus.IN_PROGRESS, date(2024, 8, 1)),
        ("late", TaskStatus.IN_PROGRESS_LATE, date(2024, 7, 1)),
        ("later", TaskStatus.NOT_STARTED, date(2024, 6, 1)),
    ]
    ordered = [name for name, s, d in sorted(tasks, key=lambda t: sort_key(t[1], t[2], today))]
    assert ordered == ["later", "late", "soon", "recurring", "done"]


def test_the_summary_counts_and_says_it_as_the_report_does():
    today = date(2024, 11, 29)
    summary = summarise([
        (TaskStatus.DONE_ON_TIME, DEADLINE), (TaskStatus.DONE_ON_TIME, None), (TaskStatus.DONE_LATE, DEADLINE),
        (TaskStatus.IN_PROGRESS_LATE, DEADLINE), (TaskStatus.NOT_STARTED, DEADLINE), (TaskStatus.IN_PROGRESS, None),
        (TaskStatus.NOT_DONE, DEADLINE),
    ], today)
    assert (summary.total, summary.done, summary.done_on_time, summary.overdue) == (7, 3, 2, 2)
    assert summary.sentence() == ("3/7 nhiệm vụ đã hoàn thành (đúng hạn 2); 2 nhiệm vụ quá hạn chưa hoàn thành; "
                                  "1 nhiệm vụ không thực hiện")
    assert summarise([], today).sentence() == "0/0 nhiệm vụ đã hoàn thành (đúng hạn 0)"
