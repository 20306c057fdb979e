/* SPDX-License-Identifier: MIT */
/* The status line's formatting and the milestone days it reads without
 * loading the content. */
#include <string.h>

#include "mend/content.h"
#include "mend/nocontact.h"
#include "mend/status_line.h"
#include "test.h"

TEST(test_milestone_days_without_content_match_the_content)
{
	struct content *c = NULL;
	int days[64];
	size_t n = content_milestone_days(days, 64);

	CHECK_OK(content_load(&c, NULL));
	CHECK(c && n == c->n_milestones && n > 3);
	for (size_t i = 0; c && i < n && i < c->n_milestones; i++)
		CHECK(days[i] == c->milestones[i].day);
	CHECK(content_milestone_days(days, 2) == 2);
	content_free(c);
}

TEST(test_lazy_journal_gives_the_same_status_without_content)
{
	struct journal *j = test_journal("2026-01-11T09:00:00Z", "UTC");
	struct journal *lazy = NULL;
	struct program_status full, line;
	const struct content *ct = NULL;

	CHECK(j);
	if (!j)
		return;
	CHECK_OK(nocontact_start(j, "2025-12-30", ENTRY_NONE, NULL, NULL));
	CHECK_OK(program_status(j, &full, NULL));
	CHECK_OK(journal_open_lazy(&lazy, store_path(j->st), NULL));
	CHECK(lazy && !lazy->content && !lazy->missing);
	if (lazy) {
		CHECK_OK(program_status_line(lazy, &line, true, NULL));
		CHECK(!lazy->content);
		CHECK(line.nc.days == full.nc.days && line.nc.days == 12);
		CHECK(line.nc.next_milestone == full.nc.next_milestone);
		CHECK(line.nc.last_milestone == full.nc.last_milestone);
		CHECK(line.suggested == full.suggested);
		CHECK_OK(journal_content(lazy, &ct, NULL));
		CHECK(ct && ct == lazy->content && ct->n_prompts > 0);
	}
	journal_close(lazy);
	test_journal_done(j);
}

static struct program_status day12(void)
{
	struct program_status s;
	memset(&s, 0, sizeof s);
	s.nc.started = true;
	s.nc.days = 12;
	s.nc.goal_days = 30;
	s.nc.next_milestone = 14;
	return s;
}

TEST(test_status_line_default_and_fields)
{
	struct program_status s = day12();
	char buf[128];

	CHECK(strcmp(status_line_format(buf, sizeof buf,
					status_line_default(&s, false), &s,
					NULL, false),
		     "\u2665 day 12/30 \u00b7 check in") == 0);
	s.checked_in_today = true;
	s.today_mood = 7;
	CHECK(strcmp(status_line_format(buf, sizeof buf,
					status_line_default(&s, true), &s,
					NULL, true),
		     "<3 day 12/30 | ok") == 0);
	CHECK(strcmp(status_line_format(buf, sizeof buf,
					"%d %g %p %m %M %s %%", &s,
					"No contact", false),
		     "12 30 12/30 14 7 No contact %") == 0);
	s.has_decision = true;
	strcpy(s.decision, "friends");
	CHECK(strcmp(status_line_format(buf, sizeof buf, "%p", &s, NULL,
					false),
		     "12") == 0);
	strcpy(s.decision, "part-ways");
	CHECK(strcmp(status_line_format(buf, sizeof buf, "%p", &s, NULL,
					false),
		     "12/30") == 0);
	s.nc.started = false;
	CHECK(strcmp(status_line_default(&s, false), "%h %c") == 0);
}

TEST(test_status_line_cuts_at_a_character_boundary)
{
	struct program_status s = day12();
	char buf[6];

	/* "♥" is three bytes: two hearts do not fit in five */
	status_line_format(buf, sizeof buf, "%h%h", &s, NULL, false);
	CHECK(strcmp(buf, "\u2665") == 0);
	status_line_format(buf, 1, "%d", &s, NULL, false);
	CHECK(buf[0] == '\0');
}

TEST(test_status_line_check_names_the_bad_field)
{
	struct mend_err err = {""};

	CHECK_OK(status_line_check("%d %g %p %c %m %M %s %h %% text", NULL));
	CHECK(status_line_check("day %q", &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "format: '%q'") != NULL);
	CHECK(status_line_check("50%", &err) == MEND_EINVAL);
	CHECK(strstr(err.msg, "lone") != NULL);
	CHECK(status_line_check("a\tb", NULL) == MEND_EINVAL);
	CHECK(status_line_check("%\xc3\xa9", NULL) == MEND_EINVAL);
	CHECK(status_line_needs_content("x %s"));
	CHECK(!status_line_needs_content("%%s %d"));
}
