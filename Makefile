# SPDX-License-Identifier: MIT
# mend: a plain Makefile. `make run` and `make check` are all a new
# machine needs: both install missing packages first (make deps).

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man/man1
DATADIR  = $(PREFIX)/share/mend

CC      ?= cc
PKGS     = ncursesw sqlite3 libcjson
VERSION  = 0.1.0

# pkg-config's feature macros would clash with ours; we set them below.
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wvla -Wpointer-arith \
           -Wundef -Wnull-dereference
DEFS     = -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DMEND_VERSION='"$(VERSION)"'
ALL_CFLAGS = $(WARN) $(DEFS) -Iinclude -Isrc/core $(PKG_CFLAGS) $(CFLAGS)
LDLIBS   = $(PKG_LIBS)
LDLIBS  += -lunistring

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
DATA     = data/prompts.json data/messages.json
SCHEMA   = data/mend-journal.schema.json

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

$(MEND): $(CORE_OBJ) $(APP_OBJ)
	@echo "  LINK $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC   $<"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/data_embed.c: $(DATA) tools/embed.sh
	@mkdir -p $(BUILD)
	@echo "  GEN  $@"
	$(Q)sh tools/embed.sh $@ $(DATA)

$(BUILD)/data_embed.o: $(BUILD)/data_embed.c
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/unit-tests: $(CORE_OBJ) $(BUILD)/src/ui/textbuf.o $(UNIT_OBJ)
	@echo "  LINK $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

deps:
	@sh tools/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	./mend

check: deps
	@$(MAKE) --no-print-directory test

# The tests themselves, without the package check.
test: $(MEND) $(BUILD)/unit-tests
	@sh tests/run.sh $(BUILD)/unit-tests ./$(MEND)

# The long runs, outside `make check`.
STRESS_ROUNDS ?= 1000
stress: deps
	@$(MAKE) --no-print-directory all
	bash tests/crash/harness.sh ./$(MEND) $(STRESS_ROUNDS)
	CONCURRENT_WRITES=2000 MEND=$(CURDIR)/$(MEND) bash tests/crash/test_crash.sh

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

install: $(MEND)
	install -d -m 755 $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)
	install -m 755 $(MEND) $(DESTDIR)$(BINDIR)/mend
	install -m 644 mend.1 $(DESTDIR)$(MANDIR)/mend.1
	install -m 644 $(DATA) $(SCHEMA) $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mend $(DESTDIR)$(MANDIR)/mend.1
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/,$(notdir $(DATA) $(SCHEMA)))
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf build mend

format:
	clang-format -i $(CORE_SRC) $(CLI_SRC) $(UI_SRC) src/main.c \
		$(wildcard include/mend/*.h src/*/*.h) $(UNIT_SRC)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
