import './styles.css';
import './touch.css';

export { Button, type ButtonProps } from './Button';
export { Panel, type PanelProps } from './Panel';
export { StatusBadge, type StatusState } from './StatusBadge';
export { PageHeader, type PageHeaderProps } from './PageHeader';
export { SkipLink } from './SkipLink';
export { VisuallyHidden } from './VisuallyHidden';
export { optionsOf, SelectField, type SelectFieldProps, type SelectOption } from './SelectField';
export { TextField, type TextFieldProps } from './TextField';
export { Alert } from './Alert';
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog';
export { FieldError, TextAreaField } from './TextAreaField';
export { BarChartFigure, type BarChartFigureProps } from './BarChartFigure';
// Lazy wrappers of the recharts parts: importing them does not load recharts (see charts.tsx).
export * from './charts';
export { FormDialog, type FormDialogProps } from './FormDialog';
export { DataTable, type DataTableColumn, type DataTableProps } from './DataTable';
export { Facts, type Fact } from './Facts';
export { Page, type PageProps } from './Page';
export { useModal, type ModalDialogProps } from './useModal';
export { useDisclosure, type Disclosure, type DisclosureOptions } from './useDisclosure';
