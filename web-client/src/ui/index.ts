export { Avatar, initials } from './Avatar';
export { Button, IconButton } from './Button';
export { ConfirmDialog, Dialog } from './Dialog';
export { Checkbox, SelectField, TextArea, TextField } from './Field';
export { Icon, type IconName } from './Icon';
export { Badge, Notice, Spinner } from './Notice';
