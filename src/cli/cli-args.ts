/** Command-line options shared by the console commands. */

/** The value of option `--name value` or `--name=value` in `args`, or undefined when it is absent. */
export function option(args: readonly string[], name: string): string | undefined {
  const flag = `--${name}`;
  const index = args.indexOf(flag);
  if (index >= 0) return args[index + 1];
  return args.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1);
}
