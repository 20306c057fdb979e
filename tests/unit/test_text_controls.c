/* SPDX-License-Identifier: MIT */
/* New text may not carry the control characters a terminal obeys. */
#include <string.h>

#include "mend/journal.h"
#include "mend/utf8.h"
#include "test.h"

static size_t find(const char *s, uint32_t *cp)
{
	return utf8_find_control(s, strlen(s), cp);
}

TEST(test_controls_tab_newline_and_crlf_are_text)
{
	const char *s = "line one\tand a tab\nline two\r\nend";
	CHECK(find(s, NULL) == strlen(s));
	CHECK(find("", NULL) == 0);
	CHECK(find("café 中文 🙂", NULL) == strlen("café 中文 🙂"));
}

TEST(test_controls_escape_bell_and_lone_cr_are_found)
{
	uint32_t cp = 0;
	CHECK(find("red \x1b[31m", &cp) == 4 && cp == 0x1b);
	CHECK(find("\x1b]52;c;aGk=\x07", &cp) == 0 && cp == 0x1b);
	CHECK(find("ding\x07", &cp) == 4 && cp == 0x07);
	CHECK(find("over\rwrite", &cp) == 4 && cp == '\r');
	CHECK(find("end\r", &cp) == 3 && cp == '\r');
	CHECK(find("del\x7f", &cp) == 3 && cp == 0x7f);
	CHECK(find("\x01", &cp) == 0 && cp == 0x01);
}

TEST(test_controls_c1_csi_is_found)
{
	uint32_t cp = 0;
	/* U+009B, the one-character CSI, in UTF-8 */
	CHECK(find("é\xc2\x9b"
		   "2J",
		   &cp) == 2 &&
	      cp == 0x9b);
	/* U+00A0 (no-break space) is not a control */
	CHECK(find("a\xc2\xa0"
		   "b",
		   NULL) == 4);
}

TEST(test_controls_check_text_refuses_them_with_the_field)
{
	struct mend_err err = {""};
	const char *s = "hello \x1b]52;c;aGk=\x07";
	CHECK(journal_check_text("name", s, strlen(s), 100, false, &err) ==
	      MEND_EINVAL);
	CHECK(strstr(err.msg, "name:") == err.msg);
	CHECK(strstr(err.msg, "U+001B") && strstr(err.msg, "offset 6"));
	CHECK_OK(journal_check_text("text", "a\tb\r\nc", 6, 100, true, NULL));
}
