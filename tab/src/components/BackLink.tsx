/** "← Programmes": the way up, as a real link (so it opens in a new tab and reads as a link). */
import { Link, makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({ link: { width: 'fit-content' } });

export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <Link href={href} className={useStyles().link}>
      <span aria-hidden="true">← </span>
      {children}
    </Link>
  );
}
