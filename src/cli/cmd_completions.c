/* SPDX-License-Identifier: MIT */
/* `mend completions bash|zsh|fish`: shell completions generated from the
 * command table and its option specs, so a new command or option is
 * completed without a second list to keep; the value lists come from
 * the core's X-macro lists. What changes with the journal (entry ids,
 * prompt ids, categories, tags) the scripts ask for with the hidden
 * `mend completions --values KIND`, which reads and never creates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mend/content.h"
#include "mend/exercise.h"
#include "mend/export.h"
#include "mend/journey.h"
#include "mend/nocontact.h"

static const struct opt_spec completions_opts[] = {
    {"values", 0, VAL_INTERNAL},
    {NULL, 0, false},
};

static const char *const kind_names[] = {
#define X(e, name) name,
    OPT_VALUES_LIST(X)
#undef X
};

#define N_KINDS (sizeof kind_names / sizeof kind_names[0])

/* The kinds a script asks mend for, because the journal or the user's
 * own prompts file decides them. */
static bool dynamic(enum opt_values k)
{
	return k == VAL_CATEGORY || k == VAL_PROMPT || k == VAL_ENTRY ||
	       k == VAL_TAG;
}

/* Settings whose value is one of a few words; the rest take text. */
static const char *config_values(const char *key)
{
	if (strcmp(key, "contact-mode") == 0)
		return "none low";
	return strcmp(key, "remind") == 0 || strcmp(key, "secret-service") == 0
		       ? "on off"
		       : NULL;
}

/* The words of a fixed kind, space-separated, into buf ("" for none). */
static void static_words(enum opt_values k, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
#define ADD(w)                                                                 \
	do {                                                                   \
		int r =                                                        \
		    snprintf(buf + len, n - len, "%s%s", len ? " " : "", (w)); \
		if (r > 0 && (size_t)r < n - len)                              \
			len += (size_t)r;                                      \
	} while (0)
	switch (k) {
	case VAL_MODULE:
	case VAL_PROMPT_MODULE:
/* prompts belong to the modules between check-in and the path */
#define X(e, name)                                                             \
	if (k == VAL_MODULE || (e != MODULE_CHECKIN && e != MODULE_PATH))      \
		ADD(name);
		MODULE_LIST(X)
#undef X
		break;
	case VAL_OUTCOME:
#define X(e, name) ADD(name);
		OUTCOME_LIST(X)
#undef X
		break;
	case VAL_CHANNEL:
#define X(e, name) ADD(name);
		CHANNEL_LIST(X)
#undef X
		break;
	case VAL_INITIATOR:
		ADD("me");
		ADD("them");
		break;
	case VAL_FORMAT: {
		static const char *const fmts[] = {"json", "jrnl", "markdown"};
		enum export_format f;
		for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++)
			if (export_format_from_name(fmts[i], &f))
				ADD(fmts[i]);
		break;
	}
	case VAL_SHELL:
		ADD("bash");
		ADD("zsh");
		ADD("fish");
		break;
	case VAL_COMMAND: {
		size_t nc;
		const struct command *const *cmds = cli_commands(&nc);
		for (size_t i = 0; i < nc; i++)
			if (cmds[i]->summary)
				ADD(cmds[i]->name);
		ADD("help");
		break;
	}
	case VAL_CONFIG_KEY:
		for (size_t i = 0; cli_config_keys[i]; i++)
			ADD(cli_config_keys[i]);
		break;
	case VAL_STAGE: {
		struct journey *jy = NULL;
		if (journey_load(&jy, NULL, NULL) == MEND_OK)
			for (size_t i = 0; i < jy->n_stages; i++)
				ADD(jy->stages[i].id);
		journey_free(jy);
		ADD("auto");
		break;
	}
	case VAL_DATE:
		ADD("today");
		ADD("yesterday");
		break;
	case VAL_EXERCISE:
#define X(e, id, stage) ADD(id);
		EXERCISE_LIST(X)
#undef X
		break;
	case VAL_INSIGHTS_VIEW:
		for (size_t i = 0; cli_insights_views[i]; i++)
			ADD(cli_insights_views[i]);
		break;
	case VAL_INSIGHTS_BY:
		for (size_t i = 0; cli_insights_steps[i]; i++)
			ADD(cli_insights_steps[i]);
		break;
	default:
		break;
	}
#undef ADD
}

struct values_ctx {
	enum opt_values kind;
	char seen[4096]; /* tags printed so far, " a b " */
	size_t len;
};

static void put_word(const char *s, size_t n)
{
	/* one word a line, and nothing a shell would take for more */
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f)
			return;
	fwrite(s, 1, n, stdout);
	fputc('\n', stdout);
}

static int values_entry(const struct entry *e, void *arg)
{
	struct values_ctx *v = arg;
	if (v->kind == VAL_ENTRY) {
		put_word(e->uuid, 8);
		return 0;
	}
	for (const char *t = e->tags ? e->tags : ""; *t;) {
		size_t n = strcspn(t, " ");
		char key[130];
		if (n && n < 128) {
			snprintf(key, sizeof key, " %.*s ", (int)n, t);
			if (!strstr(v->seen, key) &&
			    v->len + n + 2 < sizeof v->seen) {
				put_word(t, n);
				v->len += (size_t)snprintf(
				    v->seen + v->len, sizeof v->seen - v->len,
				    "%s%.*s ", v->len ? "" : " ", (int)n, t);
			}
		}
		t += n;
		t += strspn(t, " ");
	}
	return 0;
}

static int print_values(struct cli *c, const char *name)
{
	enum opt_values k = VAL_FLAG;
	size_t i;
	char buf[1024];
	for (i = 0; i < N_KINDS; i++)
		if (strcmp(kind_names[i], name) == 0)
			break;
	if (i == N_KINDS || i == VAL_FLAG || i == VAL_TEXT || i == VAL_FILE ||
	    i == VAL_INTERNAL) {
		char all[512] = "";
		size_t len = 0;
		for (size_t m = VAL_TEXT + 1; m < N_KINDS; m++)
			if (m != VAL_FILE && m != VAL_INTERNAL)
				len += (size_t)snprintf(
				    all + len, sizeof all - len, "%s%s",
				    len ? ", " : "", kind_names[m]);
		return cli_usage_error(c, "values: '%.40s' is not one of %s",
				       name, all);
	}
	k = (enum opt_values)i;
	if (!dynamic(k)) {
		static_words(k, buf, sizeof buf);
		for (char *w = strtok(buf, " "); w; w = strtok(NULL, " "))
			puts(w);
		return 0;
	}
	struct journal *j = cli_journal_read(c);
	if (!j)
		return 1;
	if (k == VAL_CATEGORY) {
		for (size_t n = 0; n < j->content->n_categories; n++)
			put_word(j->content->categories[n].id,
				 strlen(j->content->categories[n].id));
		return 0;
	}
	if (k == VAL_PROMPT) {
		for (size_t n = 0; n < j->content->n_prompts; n++)
			put_word(j->content->prompts[n].id,
				 strlen(j->content->prompts[n].id));
		return 0;
	}
	struct values_ctx v = {.kind = k};
	struct journal_query q = {.module = -1,
				  .limit = k == VAL_ENTRY ? 500 : 0};
	enum mend_rc rc = journal_list(j, &q, values_entry, &v, &c->err);
	return rc == MEND_OK ? 0 : cli_fail(c, rc);
}

/* --- the scripts ---------------------------------------------------- */

/* s in single quotes for bash and zsh */
static void sh_quote(FILE *f, const char *s)
{
	fputc('\'', f);
	for (; *s; s++)
		if (*s == '\'')
			fputs("'\\''", f);
		else
			fputc(*s, f);
	fputc('\'', f);
}

/* s in single quotes for fish, which escapes inside them */
static void fish_quote(FILE *f, const char *s)
{
	fputc('\'', f);
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('\'', f);
}

static const char *vkind_name(enum opt_values k)
{
	return (size_t)k < N_KINDS ? kind_names[k] : "text";
}

/* Each command's value-taking options as "--opt=kind -o=kind". */
static void bash_vals(FILE *f, const struct command *cmd)
{
	fputs("--db=files", f);
	for (const struct opt_spec *o = cmd->opts; o->name; o++) {
		if (!o->takes_value)
			continue;
		fprintf(f, " --%s=%s", o->name, vkind_name(o->takes_value));
		if (o->short_name)
			fprintf(f, " -%c=%s", o->short_name,
				vkind_name(o->takes_value));
	}
}

static void bash_opts(FILE *f, const struct command *cmd)
{
	for (const struct opt_spec *o = cmd->opts; o->name; o++) {
		if (o->takes_value == VAL_INTERNAL)
			continue;
		fprintf(f, "--%s ", o->name);
		if (o->short_name)
			fprintf(f, "-%c ", o->short_name);
	}
	fputs("--db --help -h", f);
}

static void pos_kinds(FILE *f, const struct command *cmd, const char *sep)
{
	for (int i = 0; i < cmd->max_pos; i++)
		fprintf(f, "%s%s", i ? sep : "",
			vkind_name(cmd->pos_values[i] > VAL_TEXT
				       ? cmd->pos_values[i]
				       : VAL_TEXT));
}

/* The fixed lists as one shell case, shared by bash and zsh. */
static void case_static(FILE *f)
{
	char buf[1024];
	for (size_t k = VAL_TEXT + 1; k < N_KINDS; k++) {
		if (dynamic((enum opt_values)k) || k == VAL_FILE ||
		    k == VAL_INTERNAL)
			continue;
		static_words((enum opt_values)k, buf, sizeof buf);
		fprintf(f, "\t%s) w=", kind_names[k]);
		sh_quote(f, buf);
		fputs(" ;;\n", f);
	}
	fputs("\tconfig-values)\n\t\tcase $3 in\n", f);
	for (size_t i = 0; cli_config_keys[i]; i++) {
		const char *v = config_values(cli_config_keys[i]);
		if (v)
			fprintf(f, "\t\t%s) w='%s' ;;\n", cli_config_keys[i],
				v);
	}
	fputs("\t\tesac ;;\n", f);
}

static void gen_bash(FILE *f)
{
	size_t n;
	const struct command *const *cmds = cli_commands(&n);
	char words[1024];

	fputs("# bash completion for mend; generated by 'mend completions "
	      "bash' from its\n# command table. Install as "
	      "share/bash-completion/completions/mend.\n\n"
	      "# _mend_values KIND CUR [KEY]: the candidates for a value\n"
	      "_mend_values() {\n"
	      "\tlocal w= IFS=$' \\t\\n'\n"
	      "\tcase $1 in\n",
	      f);
	case_static(f);
	fputs(
	    "\tfiles)\n"
	    "\t\tcompopt -o filenames 2>/dev/null\n"
	    "\t\tCOMPREPLY=($(compgen -f -- \"$2\"))\n"
	    "\t\treturn ;;\n"
	    "\tcategories | prompts | entries | tags)\n"
	    "\t\tlocal -a db=()\n"
	    "\t\t[[ -n $_mend_db ]] && db=(--db \"$_mend_db\")\n"
	    "\t\tw=$(command \"$_mend_bin\" \"${db[@]}\" completions "
	    "--values \"$1\" 2>/dev/null) ;;\n"
	    "\tesac\n"
	    "\tCOMPREPLY=($(compgen -W \"$w\" -- \"$2\"))\n"
	    "}\n\n"
	    "_mend() {\n"
	    "\tlocal -a w=()\n"
	    "\tlocal k glue=0 split=0 cur cmd= opts vals pos p kind= ddash=0\n"
	    "\tlocal _mend_db= _mend_bin=mend npos=0 prefix= key=\n"
	    "\t[[ ${COMP_WORDS[0]} == */* && -x ${COMP_WORDS[0]} ]] && "
	    "_mend_bin=${COMP_WORDS[0]}\n"
	    "\t# the words up to the cursor, \"--opt\" \"=\" \"value\" "
	    "joined again\n"
	    "\tfor ((k = 1; k <= COMP_CWORD; k++)); do\n"
	    "\t\tp=${COMP_WORDS[k]}\n"
	    "\t\tif [[ $p == = && ${#w[@]} -gt 0 && ${w[-1]} == -* && "
	    "${w[-1]} != *=* ]]; then\n"
	    "\t\t\tw[-1]+='='\n"
	    "\t\t\tglue=1\n"
	    "\t\t\t((k == COMP_CWORD)) && split=1\n"
	    "\t\telif ((glue)); then\n"
	    "\t\t\tw[-1]+=$p\n"
	    "\t\t\tglue=0\n"
	    "\t\t\t((k == COMP_CWORD)) && split=1\n"
	    "\t\telse\n"
	    "\t\t\tw+=(\"$p\")\n"
	    "\t\tfi\n"
	    "\tdone\n"
	    "\tcur=${w[-1]}\n"
	    "\t# the command, past mend's own options\n"
	    "\tfor ((k = 0; k < ${#w[@]} - 1; k++)); do\n"
	    "\t\tcase ${w[k]} in\n"
	    "\t\t--db) _mend_db=${w[k + 1]}; ((k++)) ;;\n"
	    "\t\t--db=*) _mend_db=${w[k]#--db=} ;;\n"
	    "\t\t--) ;;\n"
	    "\t\t-*) ;;\n"
	    "\t\t*) cmd=${w[k]}; break ;;\n"
	    "\t\tesac\n"
	    "\tdone\n"
	    "\tif [[ -z $cmd ]]; then\n"
	    "\t\tif ((k > 0)) && [[ ${w[k - 1]} == --db ]]; then\n"
	    "\t\t\t_mend_values files \"$cur\"\n"
	    "\t\telif [[ $cur == -* ]]; then\n"
	    "\t\t\tCOMPREPLY=($(compgen -W '--db --help -h --version -V "
	    "--draw-once' -- \"$cur\"))\n"
	    "\t\telse\n"
	    "\t\t\t_mend_values commands \"$cur\"\n"
	    "\t\tfi\n"
	    "\t\treturn 0\n"
	    "\tfi\n"
	    "\tcase $cmd in\n",
	    f);
	for (size_t i = 0; i < n; i++) {
		const struct command *cmd = cmds[i];
		fprintf(f, "\t%s)\n\t\topts='", cmd->name);
		bash_opts(f, cmd);
		fputs("'\n\t\tvals='", f);
		bash_vals(f, cmd);
		fputs("'\n\t\tpos='", f);
		if (strcmp(cmd->name, "config") == 0)
			fputs("config-keys config-values", f);
		else
			pos_kinds(f, cmd, " ");
		fputs("' ;;\n", f);
	}
	static_words(VAL_COMMAND, words, sizeof words);
	fputs("\thelp) opts='--db'; vals='--db=files'; pos='commands' ;;\n"
	      "\t*) return 0 ;;\n"
	      "\tesac\n"
	      "\t# the option whose value is being typed, and the positionals "
	      "so far\n"
	      "\tfor ((k++; k < ${#w[@]} - 1; k++)); do\n"
	      "\t\tp=${w[k]}\n"
	      "\t\tif ((ddash)) || [[ $p != -?* ]]; then\n"
	      "\t\t\t((npos == 0)) && key=$p\n"
	      "\t\t\t((npos++))\n"
	      "\t\telif [[ $p == -- ]]; then\n"
	      "\t\t\tddash=1\n"
	      "\t\telif [[ $p != *=* && \" $vals \" == *\" $p=\"* ]]; then\n"
	      "\t\t\t[[ $p == --db ]] && _mend_db=${w[k + 1]}\n"
	      "\t\t\t((k++))\n"
	      "\t\telif [[ $p == --db=* ]]; then\n"
	      "\t\t\t_mend_db=${p#--db=}\n"
	      "\t\tfi\n"
	      "\tdone\n"
	      "\tif ((!ddash && ${#w[@]} > 1)); then\n"
	      "\t\tp=${w[-2]}\n"
	      "\t\t[[ $cmd == \"$p\" ]] && p=\n"
	      "\tfi\n"
	      "\tif ((!ddash)) && [[ $cur == -*=* ]]; then\n"
	      "\t\tp=${cur%%=*}\n"
	      "\t\tprefix=$p=\n"
	      "\t\tcur=${cur#*=}\n"
	      "\t\t((split)) && prefix=\n"
	      "\telif ((ddash)) || [[ -z $p || $p == *=* || $p != -* ]]; then\n"
	      "\t\tp=\n"
	      "\tfi\n"
	      "\tif [[ -n $p ]]; then\n"
	      "\t\tfor k in $vals; do\n"
	      "\t\t\t[[ ${k%%=*} == \"$p\" ]] && kind=${k#*=}\n"
	      "\t\tdone\n"
	      "\t\tif [[ -n $kind ]]; then\n"
	      "\t\t\t_mend_values \"$kind\" \"$cur\"\n"
	      "\t\t\t[[ -n $prefix ]] && "
	      "COMPREPLY=(\"${COMPREPLY[@]/#/$prefix}\")\n"
	      "\t\t\treturn 0\n"
	      "\t\tfi\n"
	      "\tfi\n"
	      "\tif ((!ddash)) && [[ $cur == -* ]]; then\n"
	      "\t\tCOMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
	      "\t\treturn 0\n"
	      "\tfi\n"
	      "\tlocal -a pk=($pos)\n"
	      "\tif ((npos < ${#pk[@]})); then\n"
	      "\t\t_mend_values \"${pk[npos]}\" \"$cur\" \"$key\"\n"
	      "\tfi\n"
	      "\treturn 0\n"
	      "}\n\n"
	      "complete -F _mend mend\n",
	      f);
}

/* A zsh _arguments action for a kind of value. */
static void zsh_action(FILE *f, enum opt_values k)
{
	if (k == VAL_FILE)
		fputs("_files", f);
	else if (k <= VAL_TEXT || k == VAL_DATE)
		fputs(" ", f);
	else
		fprintf(f, "{_mend_values %s}", vkind_name(k));
}

static void gen_zsh(FILE *f)
{
	size_t n;
	const struct command *const *cmds = cli_commands(&n);

	fputs("#compdef mend\n"
	      "# zsh completion for mend; generated by 'mend completions zsh' "
	      "from its\n# command table. Install as "
	      "share/zsh/vendor-completions/_mend.\n\n"
	      "# _mend_values KIND [CUR [KEY]]: offer the candidates for a "
	      "value\n"
	      "_mend_values() {\n"
	      "\tlocal w=\n"
	      "\tcase $1 in\n",
	      f);
	case_static(f);
	fputs("\tcategories | prompts | entries | tags)\n"
	      "\t\tlocal -a db\n"
	      "\t\t[[ -n $_mend_db ]] && db=(--db \"$_mend_db\")\n"
	      "\t\tw=\"$(_call_program values ${(q)_mend_bin} ${(q)db} "
	      "completions --values $1 2>/dev/null)\" ;;\n"
	      "\tesac\n"
	      "\tlocal -a c\n"
	      "\tc=(${=w})\n"
	      "\tcompadd -a c\n"
	      "}\n\n"
	      "_mend() {\n"
	      "\tlocal curcontext=$curcontext state state_descr line ret=1\n"
	      "\ttypeset -A opt_args\n"
	      "\tlocal _mend_db= _mend_bin=mend\n"
	      "\t[[ $words[1] == */* && -x $words[1] ]] && "
	      "_mend_bin=$words[1]\n"
	      "\t_arguments -C \\\n"
	      "\t\t'--db=[use the journal at PATH]:path:_files' \\\n"
	      "\t\t'(- *)'{-h,--help}'[show help]' \\\n"
	      "\t\t'(- *)'{-V,--version}'[show the version]' \\\n"
	      "\t\t'--draw-once[draw the first page and leave]' \\\n"
	      "\t\t'1:command:->command' \\\n"
	      "\t\t'*::argument:->argument' && ret=0\n"
	      "\t_mend_db=${opt_args[--db]}\n"
	      "\tcase $state in\n"
	      "\tcommand)\n"
	      "\t\tlocal -a cmds\n"
	      "\t\tcmds=(\n",
	      f);
	for (size_t i = 0; i < n; i++) {
		char d[256];
		size_t k = 0;
		k = (size_t)snprintf(d, sizeof d, "%s:", cmds[i]->name);
		for (const char *s = cmds[i]->summary; *s && k + 3 < sizeof d;
		     s++) {
			if (*s == ':')
				d[k++] = '\\';
			d[k++] = *s;
		}
		d[k] = '\0';
		fputs("\t\t\t", f);
		sh_quote(f, d);
		fputc('\n', f);
	}
	fputs("\t\t\t'help:help on one command'\n"
	      "\t\t)\n"
	      "\t\t_describe -t commands 'mend command' cmds && ret=0\n"
	      "\t\t;;\n"
	      "\targument)\n"
	      "\t\tlocal -a db\n"
	      "\t\tcase $words[1] in\n",
	      f);
	for (size_t i = 0; i < n; i++) {
		const struct command *cmd = cmds[i];
		fprintf(f,
			"\t\t%s)\n\t\t\t_arguments -S \\\n"
			"\t\t\t\t'--db=:path:_files' \\\n"
			"\t\t\t\t'(- *)'{-h,--help}'[show help]' \\\n",
			cmd->name);
		for (const struct opt_spec *o = cmd->opts; o->name; o++) {
			if (o->takes_value == VAL_INTERNAL)
				continue;
			if (!o->takes_value) {
				fprintf(f, "\t\t\t\t'--%s' \\\n", o->name);
				if (o->short_name)
					fprintf(f, "\t\t\t\t'-%c' \\\n",
						o->short_name);
				continue;
			}
			fprintf(f, "\t\t\t\t'--%s=:%s:", o->name, o->name);
			zsh_action(f, o->takes_value);
			fputs("' \\\n", f);
			if (o->short_name) {
				fprintf(f, "\t\t\t\t'-%c+:%s:", o->short_name,
					o->name);
				zsh_action(f, o->takes_value);
				fputs("' \\\n", f);
			}
		}
		if (strcmp(cmd->name, "config") == 0)
			fputs(
			    "\t\t\t\t'1:key:{_mend_values config-keys}' \\\n"
			    "\t\t\t\t'2:value:{_mend_values config-values \"\" "
			    "$words[2]}' \\\n",
			    f);
		else
			for (int p = 0; p < cmd->max_pos; p++) {
				fprintf(f, "\t\t\t\t'%d:%s:", p + 1,
					vkind_name(cmd->pos_values[p] > VAL_TEXT
						       ? cmd->pos_values[p]
						       : VAL_TEXT));
				zsh_action(f, cmd->pos_values[p]);
				fputs("' \\\n", f);
			}
		fputs("\t\t\t\t&& ret=0 ;;\n", f);
	}
	fputs("\t\thelp) _arguments '1:command:{_mend_values commands}' && "
	      "ret=0 ;;\n"
	      "\t\tesac\n"
	      "\t\t;;\n"
	      "\tesac\n"
	      "\treturn ret\n"
	      "}\n\n"
	      "if [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n"
	      "\t_mend \"$@\"\n"
	      "else\n"
	      "\tcompdef _mend mend\n"
	      "fi\n",
	      f);
}

/* The -a of a fish complete line for a kind: fixed words, a call for
 * the journal's, or files. */
static void fish_values(FILE *f, enum opt_values k)
{
	char buf[1024];
	if (k == VAL_FILE) {
		fputs(" -r -F", f);
		return;
	}
	fputs(" -x", f);
	if (k <= VAL_TEXT)
		return;
	if (dynamic(k)) {
		fprintf(f, " -a '(__mend_values %s)'", vkind_name(k));
		return;
	}
	static_words(k, buf, sizeof buf);
	fputs(" -a ", f);
	fish_quote(f, buf);
}

static void fish_vopts(FILE *f, const struct command *cmd)
{
	fputs(" --db", f);
	for (const struct opt_spec *o = cmd->opts; o->name; o++) {
		if (!o->takes_value)
			continue;
		fprintf(f, " --%s", o->name);
		if (o->short_name)
			fprintf(f, " -%c", o->short_name);
	}
}

static void gen_fish(FILE *f)
{
	size_t n;
	const struct command *const *cmds = cli_commands(&n);

	fputs("# fish completion for mend; generated by 'mend completions "
	      "fish' from its\n# command table. Install as "
	      "share/fish/vendor_completions.d/mend.fish.\n\n"
	      "# the words before the cursor past mend's own options: the "
	      "command first\n"
	      "function __mend_args\n"
	      "\tset -l toks (commandline -opc)\n"
	      "\tset -e toks[1]\n"
	      "\twhile set -q toks[1]\n"
	      "\t\tswitch $toks[1]\n"
	      "\t\t\tcase --db\n"
	      "\t\t\t\tset -e toks[1]\n"
	      "\t\t\tcase '-*'\n"
	      "\t\t\tcase '*'\n"
	      "\t\t\t\tprintf '%s\\n' $toks\n"
	      "\t\t\t\treturn 0\n"
	      "\t\tend\n"
	      "\t\tset -e toks[1]\n"
	      "\tend\n"
	      "\treturn 1\n"
	      "end\n\n"
	      "function __mend_none\n"
	      "\tnot __mend_args >/dev/null\n"
	      "end\n\n"
	      "function __mend_is\n"
	      "\tset -l a (__mend_args)\n"
	      "\tset -q a[1]; and test \"$a[1]\" = $argv[1]\n"
	      "end\n\n"
	      "# __mend_pos N OPT...: N positionals so far, the values of "
	      "the OPTs not\n# counted; with a KEY after N: the first was "
	      "KEY\n"
	      "function __mend_pos\n"
	      "\tset -l want $argv[1]\n"
	      "\tset -l key $argv[2]\n"
	      "\tset -e argv[1..2]\n"
	      "\tset -l a (__mend_args)\n"
	      "\tset -e a[1]\n"
	      "\tset -l pos\n"
	      "\tset -l skip 0\n"
	      "\tset -l ddash 0\n"
	      "\tfor t in $a\n"
	      "\t\tif test $skip = 1\n"
	      "\t\t\tset skip 0\n"
	      "\t\telse if test $ddash = 1\n"
	      "\t\t\tset -a pos $t\n"
	      "\t\telse if test \"$t\" = --\n"
	      "\t\t\tset ddash 1\n"
	      "\t\telse if contains -- $t $argv\n"
	      "\t\t\tset skip 1\n"
	      "\t\telse if not string match -qr -- '^-.' $t\n"
	      "\t\t\tset -a pos $t\n"
	      "\t\tend\n"
	      "\tend\n"
	      "\ttest (count $pos) = $want; or return 1\n"
	      "\ttest -z \"$key\"; or test \"$pos[1]\" = \"$key\"\n"
	      "end\n\n"
	      "function __mend_values\n"
	      "\tset -l toks (commandline -opc)\n"
	      "\tset -l db\n"
	      "\tfor i in (seq (count $toks))\n"
	      "\t\tif test \"$toks[$i]\" = --db; and set -q toks[(math $i + "
	      "1)]\n"
	      "\t\t\tset db --db $toks[(math $i + 1)]\n"
	      "\t\tend\n"
	      "\tend\n"
	      "\tset -l bin mend\n"
	      "\tstring match -q -- '*/*' $toks[1]; and test -x $toks[1]; and "
	      "set bin $toks[1]\n"
	      "\tcommand $bin $db completions --values $argv[1] 2>/dev/null\n"
	      "end\n\n"
	      "complete -c mend -f\n"
	      "complete -c mend -n __mend_none -l db -r -F -d 'use the journal "
	      "at PATH'\n"
	      "complete -c mend -n __mend_none -s h -l help -d 'show help'\n"
	      "complete -c mend -n __mend_none -s V -l version -d 'show the "
	      "version'\n"
	      "complete -c mend -n __mend_none -l draw-once -d 'draw the first "
	      "page and leave'\n",
	      f);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "complete -c mend -n __mend_none -a %s -d ",
			cmds[i]->name);
		fish_quote(f, cmds[i]->summary);
		fputc('\n', f);
	}
	fputs("complete -c mend -n __mend_none -a help -d 'help on one "
	      "command'\n"
	      "complete -c mend -n '__mend_is help; and __mend_pos 0 \"\"' -a ",
	      f);
	{
		char buf[1024];
		static_words(VAL_COMMAND, buf, sizeof buf);
		fish_quote(f, buf);
		fputc('\n', f);
	}
	for (size_t i = 0; i < n; i++) {
		const struct command *cmd = cmds[i];
		fprintf(f, "\n# %s\n", cmd->name);
		fprintf(f, "complete -c mend -n '__mend_is %s' -l db -r -F\n",
			cmd->name);
		fprintf(f, "complete -c mend -n '__mend_is %s' -s h -l help\n",
			cmd->name);
		for (const struct opt_spec *o = cmd->opts; o->name; o++) {
			if (o->takes_value == VAL_INTERNAL)
				continue;
			fprintf(f, "complete -c mend -n '__mend_is %s' -l %s",
				cmd->name, o->name);
			if (o->short_name)
				fprintf(f, " -s %c", o->short_name);
			if (o->takes_value)
				fish_values(f, o->takes_value);
			fputc('\n', f);
		}
		if (strcmp(cmd->name, "config") == 0) {
			fputs("complete -c mend -n '__mend_is config; and "
			      "__mend_pos 0 \"\"' -a ",
			      f);
			char buf[1024];
			static_words(VAL_CONFIG_KEY, buf, sizeof buf);
			fish_quote(f, buf);
			fputc('\n', f);
			for (size_t k = 0; cli_config_keys[k]; k++) {
				const char *v =
				    config_values(cli_config_keys[k]);
				if (v)
					fprintf(
					    f,
					    "complete -c mend -n '__mend_is "
					    "config; and __mend_pos 1 %s' "
					    "-a '%s'\n",
					    cli_config_keys[k], v);
			}
			continue;
		}
		for (int p = 0; p < cmd->max_pos; p++) {
			enum opt_values k = cmd->pos_values[p];
			if (k <= VAL_TEXT)
				continue;
			fprintf(f,
				"complete -c mend -n '__mend_is %s; and "
				"__mend_pos %d \"\"",
				cmd->name, p);
			fish_vopts(f, cmd);
			fputc('\'', f);
			if (k == VAL_FILE)
				fputs(" -F", f);
			else if (dynamic(k))
				fprintf(f, " -a '(__mend_values %s)'",
					vkind_name(k));
			else {
				char buf[1024];
				static_words(k, buf, sizeof buf);
				fputs(" -a ", f);
				fish_quote(f, buf);
			}
			fputc('\n', f);
		}
	}
}

static int run_completions(struct cli *c, const struct args *a)
{
	const char *values = args_get(completions_opts, a, "values");
	if (values) {
		if (a->npos)
			return cli_usage_error(c, "shell: give either a shell "
						  "or --values, not both");
		return print_values(c, values);
	}
	if (a->npos != 1)
		return cli_usage_error(c, "shell: missing; give one of bash, "
					  "zsh, fish");
	if (strcmp(a->pos[0], "bash") == 0)
		gen_bash(stdout);
	else if (strcmp(a->pos[0], "zsh") == 0)
		gen_zsh(stdout);
	else if (strcmp(a->pos[0], "fish") == 0)
		gen_fish(stdout);
	else
		return cli_usage_error(c,
				       "shell: '%.40s' is not one of bash, "
				       "zsh, fish",
				       a->pos[0]);
	return 0;
}

const struct command cmd_completions = {
    .name = "completions",
    .run = run_completions,
    .opts = completions_opts,
    .max_pos = 1,
    .pos_values = {VAL_SHELL},
    .usage = "mend completions bash|zsh|fish",
    .summary = "print the shell completions for bash, zsh or fish",
    .help = "Print the completion script for a shell, made from mend's own\n"
	    "table of commands and options so it always matches this mend.\n"
	    "'make install' puts each where its shell looks; to try one\n"
	    "now: source <(mend completions bash).\n",
};
