/* SPDX-License-Identifier: MIT */
/* mend's entry point: the command line decides between its commands and
 * the full-screen front end. */
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
