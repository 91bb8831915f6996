# A fake agent for the runner's tests, run as `sh test-agent.sh <flags>`: a shell starts in about
# a millisecond of CPU where a Node script takes 50, and these tests start hundreds of sessions.
# Each flag is one behaviour a real command can have, done in the order given:
#   --sleep <seconds>       wait
#   --exit <code>           exit with this code, writing no result
#   --fail-once <code>      the first attempt of each session exits with the code, writing a marker
#                           in $FAIL_ONCE_DIR; later attempts go on
#   --ignore-term           ignore SIGTERM from here on (what this starts later inherits it)
#   --hang                  start a child in the same process group (its pid in ../child.pid) that
#                           sleeps for 1000 s, and wait for it
#   --copy <file>           copy the file (a real agent log) into ./logs/
#   --print <file>          print the file (an agent's real output) on stdout
#   --result <json>         write this text as the result file
#   --tool-errors <fewer>   write a result of 10 tool calls of which (3n + 7r) mod 5 + 2, less
#                           <fewer>, fail, and a completion time of 20 + (n·r mod 7) s, for task t<n>
#                           and repetition r: sessions that differ, the same numbers every run
set -eu
while [ $# -gt 0 ]; do
  case $1 in
    --sleep) sleep "$2"; shift 2 ;;
    --exit) exit "$2" ;;
    --fail-once)
      marker="$FAIL_ONCE_DIR/$AB_VERDICT_SESSION_ID"
      if [ ! -e "$marker" ]; then
        : >"$marker"
        exit "$2"
      fi
      shift 2
      ;;
    --ignore-term) trap '' TERM; shift ;;
    --hang)
      sleep 1000 &
      echo $! >../child.pid
      wait
      shift
      ;;
    --copy) mkdir -p logs; cp "$2" logs/; shift 2 ;;
    --print) cat "$2"; shift 2 ;;
    --result) printf '%s' "$2" >"$AB_VERDICT_RESULT"; shift 2 ;;
    --tool-errors)
      n=${AB_VERDICT_TASK_ID#t}
      r=$AB_VERDICT_REPETITION
      failed=$(((3 * n + 7 * r) % 5 + 2 - $2))
      printf '{"tool_calls":10,"successful_tool_calls":%d,"completion_time_seconds":%d}' \
        $((10 - failed)) $((20 + n * r % 7)) >"$AB_VERDICT_RESULT"
      shift 2
      ;;
    *) echo "test-agent.sh: unknown flag $1" >&2; exit 64 ;;
  esac
done
