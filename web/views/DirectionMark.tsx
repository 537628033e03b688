/** ▲ / ▼ with a value, from a keyness direction (never from the sign of a smoothed number). */
import { useI18n } from '../app/useI18n';
import { isUp, type Direction } from '../stats/keyness';

/** The mark: ▲ rising or new, ▼ falling or gone, – flat; the title names the change. */
export function DirectionMark({ direction, value }: { direction: Direction; value: string }) {
  const { t } = useI18n();
  const up = isUp(direction);
  const flat = direction === 'flat';
  return (
    <span className={flat ? 'muted' : up ? 'up' : 'down'} data-direction={direction} title={t(`change.${direction}`)}>
      {flat ? '–' : up ? '▲' : '▼'} {value}
    </span>
  );
}
