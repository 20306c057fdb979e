# SPDX-License-Identifier: MIT
# mend: a plain Makefile. `make run` and `make check` are all a new
# machine needs: both install missing packages first (make deps).

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man/man1
DATADIR  = $(PREFIX)/share/mend
DOCDIR   = $(PREFIX)/share/doc/mend
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  = $(PREFIX)/share/zsh/vendor-completions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d

CC        ?= cc
PKG_CONFIG ?= pkg-config
PKGS     = ncursesw sqlite3 libcjson libsodium
# the session keyring that keeps an unlocked journal's key
PKGS    += libkeyutils
VERSION  = 0.1.0

# The desktop's Secret Service, for those who opt in: its header at build
# time only; desktop_keyring.c loads the library when first needed, so
# GLib and D-Bus cost no other command anything.
SECRET_PKG = libsecret-1

# pkg-config's feature macros would clash with ours; we set them below.
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)

# CFLAGS, CPPFLAGS, LDFLAGS and LDLIBS from the environment or the command
# line are honoured (as dpkg-buildflags sets them). Warnings stop the
# build only with WERROR=1, as `make check` and CI build: a packager's
# newer compiler must not fail on a warning it invented.
CFLAGS  ?= -O2 -g
WERROR  ?= 0
WARN     = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wvla -Wpointer-arith \
           -Wundef -Wnull-dereference
ifeq ($(WERROR),1)
WARN    += -Werror
endif
DEFS     = -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DMEND_VERSION='"$(VERSION)"'
ALL_CPPFLAGS = $(DEFS) -Iinclude -Isrc/core $(PKG_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS = $(WARN) $(ALL_CPPFLAGS) $(CFLAGS)
# floor() lives in libm; an optimizing gcc inlines it, other builds call it.
ALL_LDLIBS = $(PKG_LIBS) -lm -lunistring $(LDLIBS)
SECRET_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(SECRET_PKG) 2>/dev/null)

BUILD    = build
ifeq ($(SANITIZE),1)
BUILD    = build/sanitize
CFLAGS   = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
           -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

CORE_SRC = $(wildcard src/core/*.c)
CLI_SRC  = $(wildcard src/cli/*.c)
UI_SRC   = $(wildcard src/ui/*.c)
DATA     = data/prompts.json data/messages.json data/quick-tags.json \
	   data/journey.json data/exercises.json data/pause.json \
	   data/insights.json
SCHEMA   = data/mend-journal.schema.json data/mend-entry.schema.json \
	   data/mend-status.schema.json data/mend-periods.schema.json \
	   data/mend-prompt.schema.json data/mend-insights.schema.json

CORE_OBJ = $(CORE_SRC:%.c=$(BUILD)/%.o) $(BUILD)/data_embed.o
APP_OBJ  = $(CLI_SRC:%.c=$(BUILD)/%.o) $(UI_SRC:%.c=$(BUILD)/%.o) \
           $(BUILD)/src/main.o
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_OBJ = $(UNIT_SRC:%.c=$(BUILD)/%.o)

ifeq ($(SANITIZE),1)
MEND     = $(BUILD)/mend
else
MEND     = mend
endif

.PHONY: all run check test deps install uninstall clean format stress fuzz \
	valgrind bench

all: $(MEND)

# Quiet by default; `make V=1` shows the commands.
ifeq ($(V),1)
Q =
else
Q = @
endif

# A changed compiler or flags rebuild everything: the line they make is
# kept in $(BUILD)/flags, rewritten only when it differs.
FLAGS_NOW := $(strip $(CC) $(ALL_CFLAGS) | $(LDFLAGS) $(ALL_LDLIBS))
FLAGS_OLD := $(strip $(shell cat $(BUILD)/flags 2>/dev/null))
ifneq ($(FLAGS_NOW),$(FLAGS_OLD))
$(shell mkdir -p $(BUILD))
$(file >$(BUILD)/flags,$(FLAGS_NOW))
endif

# One line naming the Debian packages to install, rather than a compiler
# error about a missing header. Runs before anything is compiled.
DEB_ncursesw = libncurses-dev
DEB_sqlite3  = libsqlite3-dev
DEB_libcjson = libcjson-dev
DEB_libkeyutils = libkeyutils-dev
DEB_libsodium = libsodium-dev
DEB_libsecret-1 = libsecret-1-dev
# libraries without a pkg-config file: HEADER:DEBIAN-PACKAGE
HEADER_LIBS  = unistr:libunistring-dev
.PHONY: libs
libs:
	@if ! command -v $(firstword $(PKG_CONFIG)) >/dev/null 2>&1; then \
		echo "mend: $(PKG_CONFIG) not found; install the Debian package pkg-config (or run make deps)" >&2; \
		exit 1; \
	fi; \
	miss=; deb=; \
	for p in $(PKGS) $(SECRET_PKG); do \
		$(PKG_CONFIG) --exists $$p || { miss="$$miss $$p"; \
		case $$p in ncursesw) deb="$$deb $(DEB_ncursesw)";; \
		sqlite3) deb="$$deb $(DEB_sqlite3)";; \
		libcjson) deb="$$deb $(DEB_libcjson)";; \
		libkeyutils) deb="$$deb $(DEB_libkeyutils)";; \
		libsodium) deb="$$deb $(DEB_libsodium)";; \
		libsecret-1) deb="$$deb $(DEB_libsecret-1)";; esac; }; \
	done; \
	for h in $(HEADER_LIBS); do \
		printf '#include <%s.h>\n' "$${h%%:*}" | \
			$(CC) $(ALL_CPPFLAGS) -E -x c - >/dev/null 2>&1 || { \
			miss="$$miss $${h%%:*}"; deb="$$deb $${h#*:}"; }; \
	done; \
	if [ -n "$$miss" ]; then \
		echo "mend: cannot build without$$miss; install the Debian package(s)$$deb (or run make deps)" >&2; \
		exit 1; \
	fi

$(MEND): $(CORE_OBJ) $(APP_OBJ)
	@echo "  LINK $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(ALL_LDLIBS)

$(BUILD)/%.o: %.c $(BUILD)/flags | libs
	@mkdir -p $(dir $@)
	@echo "  CC   $<"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/src/core/desktop_keyring.o: ALL_CFLAGS += $(SECRET_CFLAGS)

$(BUILD)/data_embed.c: $(DATA) tools/embed.sh
	@mkdir -p $(BUILD)
	@echo "  GEN  $@"
	$(Q)sh tools/embed.sh $@ $(DATA)

$(BUILD)/data_embed.o: $(BUILD)/data_embed.c $(BUILD)/flags
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/unit-tests: $(CORE_OBJ) $(BUILD)/src/ui/textbuf.o $(BUILD)/src/ui/chart.o \
		     $(UNIT_OBJ)
	@echo "  LINK $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(ALL_LDLIBS)

# A test-only driver of the encrypted store (tests/crash/crypt_tool.c).
$(BUILD)/crypt-tool: $(CORE_OBJ) $(BUILD)/tests/crash/crypt_tool.o
	@echo "  LINK $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(ALL_LDLIBS)

deps:
	@sh tools/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	./mend

check: deps
	@$(MAKE) --no-print-directory test WERROR=1

# The tests themselves, without the package check.
test: $(MEND) $(BUILD)/unit-tests $(BUILD)/crypt-tool
	@CRYPT_TOOL=$(CURDIR)/$(BUILD)/crypt-tool sh tests/run.sh $(BUILD)/unit-tests ./$(MEND)

# The long runs, outside `make check`.
STRESS_ROUNDS ?= 1000
stress: deps
	@$(MAKE) --no-print-directory all $(BUILD)/crypt-tool
	bash tests/crash/harness.sh ./$(MEND) $(STRESS_ROUNDS)
	CONCURRENT_WRITES=2000 MEND=$(CURDIR)/$(MEND) bash tests/crash/test_crash.sh
	CRASH_ROUNDS=$(STRESS_ROUNDS) MEND=$(CURDIR)/$(MEND) \
		CRYPT_TOOL=$(CURDIR)/$(BUILD)/crypt-tool \
		bash tests/crash/test_crash_encrypted.sh

FUZZ_SECONDS ?= 60
fuzz:
	@sh tools/deps.sh fuzz
	@$(MAKE) --no-print-directory all
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh

# mend against the sqlite3 tool at 1k, 10k and 100k entries; writes
# bench/RESULTS.md. The journals are generated once and kept in
# bench/cache.
bench: deps
	@$(MAKE) --no-print-directory all
	bash bench/run.sh

# Memcheck over the command-line tests: any error or definite leak fails.
valgrind:
	@sh tools/deps.sh valgrind
	@$(MAKE) --no-print-directory all
	sh tests/valgrind.sh ./$(MEND)

# The prompts and messages are compiled in, so only the schemas (of the
# export and of each --json output) are installed as data; prompts.json goes with the documentation, as the
# example of a file of your own prompts.
# The shell completions are printed by the mend just built, from its own
# command table, so they always match it.
COMPLETIONS = $(BUILD)/completions/mend $(BUILD)/completions/_mend \
              $(BUILD)/completions/mend.fish
$(BUILD)/completions/mend: $(MEND)
	@mkdir -p $(dir $@)
	@echo "  GEN  $@"
	$(Q)./$(MEND) completions bash >$@.tmp && mv $@.tmp $@
$(BUILD)/completions/_mend: $(MEND)
	@mkdir -p $(dir $@)
	@echo "  GEN  $@"
	$(Q)./$(MEND) completions zsh >$@.tmp && mv $@.tmp $@
$(BUILD)/completions/mend.fish: $(MEND)
	@mkdir -p $(dir $@)
	@echo "  GEN  $@"
	$(Q)./$(MEND) completions fish >$@.tmp && mv $@.tmp $@

install: $(MEND) $(COMPLETIONS)
	install -d -m 755 $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) \
		$(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)/examples \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
		$(DESTDIR)$(FISHCOMPDIR)
	install -m 644 $(BUILD)/completions/mend $(DESTDIR)$(BASHCOMPDIR)/mend
	install -m 644 $(BUILD)/completions/_mend $(DESTDIR)$(ZSHCOMPDIR)/_mend
	install -m 644 $(BUILD)/completions/mend.fish \
		$(DESTDIR)$(FISHCOMPDIR)/mend.fish
	install -m 755 $(MEND) $(DESTDIR)$(BINDIR)/mend
	install -m 644 mend.1 $(DESTDIR)$(MANDIR)/mend.1
	install -m 644 $(SCHEMA) $(DESTDIR)$(DATADIR)/
	install -m 644 data/prompts.json $(DESTDIR)$(DOCDIR)/examples/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mend $(DESTDIR)$(MANDIR)/mend.1
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/,$(notdir $(SCHEMA)))
	rm -f $(DESTDIR)$(DOCDIR)/examples/prompts.json
	rm -f $(DESTDIR)$(BASHCOMPDIR)/mend $(DESTDIR)$(ZSHCOMPDIR)/_mend \
		$(DESTDIR)$(FISHCOMPDIR)/mend.fish
	-rmdir $(DESTDIR)$(DOCDIR)/examples $(DESTDIR)$(DOCDIR) \
		$(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf build mend

format:
	clang-format -i $(CORE_SRC) $(CLI_SRC) $(UI_SRC) src/main.c \
		$(wildcard include/mend/*.h src/*/*.h) $(UNIT_SRC)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
